package io.postflow.gateway.imap.server;

import io.postflow.testkit.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Transcripts of SPECIAL-USE (RFC 6154), LIST-EXTENDED (RFC 5258), LIST-STATUS (RFC 5819) and QUOTA
 * (RFC 9208) against the running gateway and the real mailbox-service. Each test logs in to an
 * account of its own, made through the admin API, so its mailbox list is exactly what it did.
 * Lines {@code S= ...} are expected verbatim, {@code S: ...} are regular expressions.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MailboxServiceProcess.class)
class ImapListQuotaTranscriptTest {

    private static final AtomicInteger ACCOUNTS = new AtomicInteger();
    private static final String PASSWORD = "list and quota password";

    @Inject
    ImapServer server;

    @ConfigProperty(name = "postflow.mailbox.url")
    String mailboxUrl;

    /** A new account with the default mailboxes, logged in on a new connection. */
    private ImapTestClient login(String prefix) throws Exception {
        String address = prefix + "-" + ProcessHandle.current().pid() + "-" + ACCOUNTS.incrementAndGet() + "@example.test";
        admin("POST", "/api/v1/accounts", "{\"address\":\"" + address + "\",\"password\":\"" + PASSWORD + "\"}", 201);
        ImapTestClient c = ImapTestClient.connect(server.port("imap"));
        c.run("S: \\* OK .*\nC: a0 LOGIN " + address + " \"" + PASSWORD + "\"\nS: a0 OK .*\n");
        lastAddress = address;
        return c;
    }

    private String lastAddress;

    private void admin(String method, String path, String json, int expected) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mailboxUrl + path))
                .header("Authorization", "Bearer " + MailboxServiceProcess.ADMIN_TOKEN).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** {@code S= line} becomes a quoted pattern, so expected lines need no regex escapes. */
    private static String t(String transcript) {
        return transcript.lines().map(String::stripLeading)
                .map(l -> l.startsWith("S= ") ? "S: " + Pattern.quote(l.substring(3)) : l)
                .collect(Collectors.joining("\n"));
    }

    /** APPEND with a non-synchronising literal; the message is a header and a one-line body. */
    private static String append(String tag, String mailbox, String flags, String subject, String body) {
        String message = "Subject: " + subject + "\r\n\r\n" + body;
        return "C: " + tag + " APPEND " + mailbox + (flags.isEmpty() ? "" : " " + flags) + " {" + message.length() + "+}\n"
                + "C: Subject: " + subject + "\nC:\nC: " + body + "\n";
    }

    @Test
    void specialUseAttributesAndOptions() throws Exception {
        try (ImapTestClient c = login("special")) {
            c.run(t("""
                    C: s1 LIST "" *
                    S= * LIST (\\HasNoChildren \\Archive) "/" Archive
                    S= * LIST (\\HasNoChildren \\Drafts) "/" Drafts
                    S= * LIST (\\HasNoChildren) "/" INBOX
                    S= * LIST (\\HasNoChildren \\Junk) "/" Junk
                    S= * LIST (\\HasNoChildren \\Sent) "/" Sent
                    S= * LIST (\\HasNoChildren \\Trash) "/" Trash
                    S= s1 OK LIST completed
                    C: s2 LIST (SPECIAL-USE) "" *
                    S= * LIST (\\HasNoChildren \\Archive) "/" Archive
                    S= * LIST (\\HasNoChildren \\Drafts) "/" Drafts
                    S= * LIST (\\HasNoChildren \\Junk) "/" Junk
                    S= * LIST (\\HasNoChildren \\Sent) "/" Sent
                    S= * LIST (\\HasNoChildren \\Trash) "/" Trash
                    S= s2 OK LIST completed
                    C: s3 LIST "" (INBOX S*) RETURN (SPECIAL-USE)
                    S= * LIST (\\HasNoChildren) "/" INBOX
                    S= * LIST (\\HasNoChildren \\Sent) "/" Sent
                    S= s3 OK LIST completed
                    C: s4 RENAME Sent "Sent Items"
                    S= s4 OK RENAME completed
                    C: s5 CREATE "Sent Items/2025"
                    S= s5 OK CREATE completed
                    C: s6 list (special-use) "" Sent* return (special-use children)
                    S= * LIST (\\HasChildren \\Sent) "/" "Sent Items"
                    S= s6 OK LIST completed
                    C: s7 LIST (SPECIAL-USE RECURSIVEMATCH) "" %
                    S= * LIST (\\HasNoChildren \\Archive) "/" Archive
                    S= * LIST (\\HasNoChildren \\Drafts) "/" Drafts
                    S= * LIST (\\HasNoChildren \\Junk) "/" Junk
                    S= * LIST (\\HasChildren \\Sent) "/" "Sent Items"
                    S= * LIST (\\HasNoChildren \\Trash) "/" Trash
                    S= s7 OK LIST completed
                    C: s8 CREATE Projects/Done
                    S= s8 OK CREATE completed
                    C: s9 RENAME Archive Projects/Done/Archive
                    S= s9 OK RENAME completed
                    C: s10 LIST (SPECIAL-USE RECURSIVEMATCH) "" Pro%
                    S= * LIST (\\HasChildren) "/" Projects ("CHILDINFO" ("SPECIAL-USE"))
                    S= s10 OK LIST completed
                    C: s11 LIST (SPECIAL-USE) "" Pro%
                    S= s11 OK LIST completed
                    """));
        }
    }

    @Test
    void createSpecialUse() throws Exception {
        try (ImapTestClient c = login("create")) {
            c.run(t("""
                    C: u1 CREATE "Old Sent" (USE (\\Sent))
                    S= u1 OK CREATE completed
                    C: u2 CREATE Mail/Spam (use (\\junk))
                    S= u2 OK CREATE completed
                    C: u3 CREATE Plain (USE ())
                    S= u3 OK CREATE completed
                    C: u4 CREATE Everything (USE (\\All))
                    S= u4 NO [USEATTR] special use \\All is not supported
                    C: u5 CREATE Both (USE (\\Sent \\Drafts))
                    S= u5 NO [USEATTR] one special use per mailbox
                    C: u6 CREATE Other (FOO (\\Sent))
                    S= u6 BAD unknown CREATE parameter FOO
                    C: u7 CREATE Other (USE \\Sent)
                    S: u7 BAD .*
                    C: u8 CREATE Other (USE (Sent))
                    S: u8 BAD .*
                    C: u9 CREATE Sent (USE (\\Sent))
                    S= u9 NO [ALREADYEXISTS] mailbox already exists
                    C: u10 LIST (SPECIAL-USE) "" (Old* Mail* Plain Everything Both)
                    S= * LIST (\\HasNoChildren \\Junk) "/" Mail/Spam
                    S= * LIST (\\HasNoChildren \\Sent) "/" "Old Sent"
                    S= u10 OK LIST completed
                    C: u11 LIST "" (Mail* Plain Everything Both)
                    S= * LIST (\\HasChildren) "/" Mail
                    S= * LIST (\\HasNoChildren \\Junk) "/" Mail/Spam
                    S= * LIST (\\HasNoChildren) "/" Plain
                    S= u11 OK LIST completed
                    """));
        }
    }

    @Test
    void listExtendedSelectionAndReturnOptions() throws Exception {
        try (ImapTestClient c = login("extended")) {
            c.run(t("""
                    C: e1 CREATE Lx/A
                    S= e1 OK CREATE completed
                    C: e2 CREATE Lx/B/C
                    S= e2 OK CREATE completed
                    C: e3 SUBSCRIBE Lx/A
                    S= e3 OK SUBSCRIBE completed
                    C: e4 SUBSCRIBE Lx/B/C
                    S= e4 OK SUBSCRIBE completed
                    C: e5 CREATE Gone
                    S= e5 OK CREATE completed
                    C: e6 SUBSCRIBE Gone
                    S= e6 OK SUBSCRIBE completed
                    C: e7 DELETE Gone
                    S= e7 OK DELETE completed
                    C: e8 LIST (SUBSCRIBED) "" *
                    S= * LIST (\\HasNoChildren \\Archive \\Subscribed) "/" Archive
                    S= * LIST (\\HasNoChildren \\Drafts \\Subscribed) "/" Drafts
                    S= * LIST (\\NonExistent \\Subscribed) "/" Gone
                    S= * LIST (\\HasNoChildren \\Subscribed) "/" INBOX
                    S= * LIST (\\HasNoChildren \\Junk \\Subscribed) "/" Junk
                    S= * LIST (\\HasNoChildren \\Subscribed) "/" Lx/A
                    S= * LIST (\\HasNoChildren \\Subscribed) "/" Lx/B/C
                    S= * LIST (\\HasNoChildren \\Sent \\Subscribed) "/" Sent
                    S= * LIST (\\HasNoChildren \\Trash \\Subscribed) "/" Trash
                    S= e8 OK LIST completed
                    C: e9 LIST (SUBSCRIBED RECURSIVEMATCH) "" Lx/%
                    S= * LIST (\\HasNoChildren \\Subscribed) "/" Lx/A
                    S= * LIST (\\HasChildren) "/" Lx/B ("CHILDINFO" ("SUBSCRIBED"))
                    S= e9 OK LIST completed
                    C: e10 LIST (SUBSCRIBED RECURSIVEMATCH REMOTE) "" L%
                    S= * LIST (\\HasChildren) "/" Lx ("CHILDINFO" ("SUBSCRIBED"))
                    S= e10 OK LIST completed
                    C: e11 LIST (SUBSCRIBED) "" L%
                    S= e11 OK LIST completed
                    C: e12 LIST "" (Lx/A Gone Junk) RETURN (SUBSCRIBED CHILDREN)
                    S= * LIST (\\HasNoChildren \\Junk \\Subscribed) "/" Junk
                    S= * LIST (\\HasNoChildren \\Subscribed) "/" Lx/A
                    S= e12 OK LIST completed
                    C: e13 LIST (REMOTE) Lx *
                    S= * LIST (\\HasNoChildren) "/" Lx/A
                    S= * LIST (\\HasChildren) "/" Lx/B
                    S= * LIST (\\HasNoChildren) "/" Lx/B/C
                    S= e13 OK LIST completed
                    C: e14 LIST () "" ""
                    S= * LIST (\\Noselect) "/" ""
                    S= e14 OK LIST completed
                    C: e15 LIST () "" (Lx Lx/B) RETURN ()
                    S= * LIST (\\HasChildren) "/" Lx
                    S= * LIST (\\HasChildren) "/" Lx/B
                    S= e15 OK LIST completed
                    C: e16 LSUB "" Lx/*
                    S= * LSUB () "/" Lx/A
                    S= * LSUB () "/" Lx/B/C
                    S= e16 OK LSUB completed
                    C: e17 LSUB "" Gone
                    S= * LSUB () "/" Gone
                    S= e17 OK LSUB completed
                    C: e18 DELETE Lx/B
                    S= e18 OK DELETE completed
                    C: e19 LIST "" Lx/* RETURN (SUBSCRIBED)
                    S= * LIST (\\HasNoChildren \\Subscribed) "/" Lx/A
                    S= * LIST (\\Noselect \\HasChildren) "/" Lx/B
                    S= * LIST (\\HasNoChildren \\Subscribed) "/" Lx/B/C
                    S= e19 OK LIST completed
                    C: e20 LIST (SUBSCRIBED RECURSIVEMATCH) "" Lx/%
                    S= * LIST (\\HasNoChildren \\Subscribed) "/" Lx/A
                    S= * LIST (\\NonExistent) "/" Lx/B ("CHILDINFO" ("SUBSCRIBED"))
                    S= e20 OK LIST completed
                    """));
        }
    }

    @Test
    void listExtendedSyntaxErrorsKeepTheConnection() throws Exception {
        try (ImapTestClient c = login("errors")) {
            c.run(t("""
                    C: x1 LIST (RECURSIVEMATCH) "" *
                    S= x1 BAD RECURSIVEMATCH needs the SUBSCRIBED or SPECIAL-USE selection option
                    C: x2 LIST (REMOTE RECURSIVEMATCH) "" *
                    S= x2 BAD RECURSIVEMATCH needs the SUBSCRIBED or SPECIAL-USE selection option
                    C: x3 LIST (SUBSCRIBED BOGUS) "" *
                    S= x3 BAD unknown LIST selection option BOGUS
                    C: x4 LIST "" * RETURN (BOGUS)
                    S= x4 BAD unknown LIST return option BOGUS
                    C: x5 LIST "" * RETURN (STATUS (MESSAGES BOGUS))
                    S= x5 BAD unknown STATUS item BOGUS
                    C: x6 LIST "" * RETURN (STATUS ())
                    S: x6 BAD .*
                    C: x7 LIST "" ()
                    S: x7 BAD .*
                    C: x8 LIST "" (INBOX
                    S: x8 BAD .*
                    C: x9 LIST "" * BOGUS (SUBSCRIBED)
                    S= x9 BAD expected RETURN after the mailbox pattern
                    C: x10 LIST "" * RETURN SUBSCRIBED
                    S: x10 BAD .*
                    C: x11 LIST (SUBSCRIBED "" *
                    S: x11 BAD .*
                    C: x12 LIST "" INBOX RETURN (STATUS (MESSAGES))
                    S= * LIST (\\HasNoChildren) "/" INBOX
                    S= * STATUS INBOX (MESSAGES 0)
                    S= x12 OK LIST completed
                    C: x13 LSUB (SUBSCRIBED) "" *
                    S: x13 BAD .*
                    C: x14 LOGOUT
                    S: \\* BYE .*
                    S= x14 OK LOGOUT completed
                    """));
        }
    }

    @Test
    void listStatusAfterEachSelectableMailbox() throws Exception {
        try (ImapTestClient c = login("status")) {
            c.run(t("""
                    C: l1 CREATE Work/Old
                    S= l1 OK CREATE completed
                    """ + append("l2", "Work", "(\\Seen)", "one", "first") + """
                    S: l2 OK \\[APPENDUID \\d+ 1\\] APPEND completed
                    """ + append("l3", "Work", "", "two", "second") + """
                    S: l3 OK \\[APPENDUID \\d+ 2\\] APPEND completed
                    C: l4 LIST "" Work* RETURN (STATUS (MESSAGES UNSEEN UIDNEXT UIDVALIDITY RECENT))
                    S= * LIST (\\HasChildren) "/" Work
                    S: \\* STATUS Work \\(MESSAGES 2 UNSEEN 1 UIDNEXT 3 UIDVALIDITY \\d+ RECENT 2\\)
                    S= * LIST (\\HasNoChildren) "/" Work/Old
                    S: \\* STATUS Work/Old \\(MESSAGES 0 UNSEEN 0 UIDNEXT 1 UIDVALIDITY \\d+ RECENT 0\\)
                    S= l4 OK LIST completed
                    C: l5 SUBSCRIBE Work/Old
                    S= l5 OK SUBSCRIBE completed
                    C: l6 DELETE Work
                    S= l6 OK DELETE completed
                    C: l7 LIST "" Work* RETURN (STATUS (UIDNEXT MESSAGES) SUBSCRIBED)
                    S= * LIST (\\Noselect \\HasChildren) "/" Work
                    S= * LIST (\\HasNoChildren \\Subscribed) "/" Work/Old
                    S= * STATUS Work/Old (UIDNEXT 1 MESSAGES 0)
                    S= l7 OK LIST completed
                    C: l8 DELETE Work/Old
                    S= l8 OK DELETE completed
                    C: l9 LIST (SUBSCRIBED) "" (Work* INBOX) RETURN (STATUS (MESSAGES))
                    S= * LIST (\\HasNoChildren \\Subscribed) "/" INBOX
                    S= * STATUS INBOX (MESSAGES 0)
                    S= * LIST (\\NonExistent \\Subscribed) "/" Work/Old
                    S= l9 OK LIST completed
                    C: l10 LIST "" Nothing* RETURN (STATUS (MESSAGES))
                    S= l10 OK LIST completed
                    """));
        }
    }

    @Test
    void quotaRootQuotaAndOverQuota() throws Exception {
        String pad = "x".repeat(600);
        try (ImapTestClient c = login("quota")) {
            c.run(t("""
                    C: q1 GETQUOTAROOT INBOX
                    S= * QUOTAROOT INBOX
                    S= q1 OK GETQUOTAROOT completed
                    C: q2 GETQUOTA ""
                    S= q2 NO [NONEXISTENT] no quota set for this account
                    """));
            admin("PATCH", "/api/v1/accounts/" + lastAddress, "{\"quotaBytes\":1024}", 204);
            c.run(t("""
                    C: q3 GETQUOTAROOT INBOX
                    S= * QUOTAROOT INBOX ""
                    S= * QUOTA "" (STORAGE 0 1)
                    S= q3 OK GETQUOTAROOT completed
                    """ + append("q4", "INBOX", "", "too big", "y".repeat(1100)) + """
                    S= q4 NO [OVERQUOTA] quota exceeded
                    """ + append("q5", "INBOX", "", "fits", pad) + """
                    S: q5 OK \\[APPENDUID \\d+ 1\\] APPEND completed
                    C: q6 GETQUOTA ""
                    S= * QUOTA "" (STORAGE 1 1)
                    S= q6 OK GETQUOTA completed
                    C: q7 getquotaroot "Sent"
                    S= * QUOTAROOT Sent ""
                    S= * QUOTA "" (STORAGE 1 1)
                    S= q7 OK GETQUOTAROOT completed
                    C: q8 SELECT INBOX
                    S: \\* FLAGS .*
                    S: \\* OK \\[PERMANENTFLAGS .*
                    S= * 1 EXISTS
                    S= * 1 RECENT
                    S: \\* OK \\[UNSEEN 1\\] .*
                    S: \\* OK \\[UIDVALIDITY .*
                    S: \\* OK \\[UIDNEXT 2\\] .*
                    S= q8 OK [READ-WRITE] SELECT completed
                    C: d1 STATUS INBOX (DELETED-STORAGE MESSAGES)
                    S= * STATUS INBOX (DELETED-STORAGE 0 MESSAGES 1)
                    S= d1 OK STATUS completed
                    C: d2 STORE 1 +FLAGS.SILENT (\\Deleted)
                    S= d2 OK STORE completed
                    C: d3 STATUS INBOX (DELETED-STORAGE)
                    S= * STATUS INBOX (DELETED-STORAGE 1)
                    S= d3 OK STATUS completed
                    C: d4 STORE 1 -FLAGS.SILENT (\\Deleted)
                    S= d4 OK STORE completed
                    C: d5 LIST "" INBOX RETURN (STATUS (DELETED-STORAGE))
                    S: d5 BAD .*
                    C: q9 COPY 1 Sent
                    S= q9 NO [OVERQUOTA] quota exceeded
                    C: q10 UID COPY 1 Sent
                    S= q10 NO [OVERQUOTA] quota exceeded
                    C: q11 MOVE 1 Sent
                    S: \\* OK \\[COPYUID \\d+ 1 1\\] moved
                    S= * 1 EXPUNGE
                    S= * 0 RECENT
                    S= q11 OK MOVE completed
                    C: q12 GETQUOTA Other
                    S= q12 NO [NONEXISTENT] no such quota root
                    C: q13 SETQUOTA "" (STORAGE 10)
                    S= q13 NO [NOPERM] quotas are set by the administrator
                    C: q14 SETQUOTA "" (STORAGE x)
                    S: q14 BAD .*
                    C: q15 GETQUOTAROOT
                    S: q15 BAD .*
                    C: q16 SETQUOTA ""
                    S: q16 BAD .*
                    C: q17 SETQUOTA "" ()
                    S= q17 NO [NOPERM] quotas are set by the administrator
                    """));
        }
        try (ImapTestClient c = ImapTestClient.connect(server.port("imap"))) {
            c.run(t("""
                    S: \\* OK .*
                    C: n1 GETQUOTAROOT INBOX
                    S= n1 NO log in first
                    C: n2 GETQUOTA ""
                    S= n2 NO log in first
                    C: n3 SETQUOTA "" (STORAGE 1)
                    S= n3 NO log in first
                    """));
        }
    }
}
