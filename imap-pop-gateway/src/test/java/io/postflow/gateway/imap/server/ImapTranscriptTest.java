package io.postflow.gateway.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.testkit.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Transcripts (client line → expected server lines) against the running gateway and the real
 * mailbox-service process. Loopback clients may log in without TLS (the local profile).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MailboxServiceProcess.class)
class ImapTranscriptTest {

    static final String LOGIN = "C: a0 LOGIN " + MailboxServiceProcess.USER.replace("@", "@") + " \""
            + MailboxServiceProcess.PASSWORD + "\"\nS: a0 OK \\[CAPABILITY .*\\] LOGIN completed\n";

    @Inject
    ImapServer server;

    private ImapTestClient client() throws Exception {
        return ImapTestClient.connect(server.port("imap"));
    }

    @Test
    void notAuthenticatedState() throws Exception {
        try (ImapTestClient c = client()) {
            c.run("""
                    S: \\* OK \\[CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN SASL-IR UIDPLUS LITERAL\\+ IDLE MOVE NAMESPACE ID UNSELECT ENABLE CHILDREN CONDSTORE SPECIAL-USE CREATE-SPECIAL-USE LIST-EXTENDED LIST-STATUS QUOTA QUOTA=RES-STORAGE\\] .*
                    C: a1 CAPABILITY
                    S: \\* CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN SASL-IR UIDPLUS LITERAL\\+ IDLE MOVE NAMESPACE ID UNSELECT ENABLE CHILDREN CONDSTORE SPECIAL-USE CREATE-SPECIAL-USE LIST-EXTENDED LIST-STATUS QUOTA QUOTA=RES-STORAGE
                    S: a1 OK CAPABILITY completed
                    C: a2 NOOP
                    S: a2 OK NOOP completed
                    C: a3 SELECT INBOX
                    S: a3 NO log in first
                    C: a4 FETCH 1 FLAGS
                    S: a4 NO log in first
                    C: a5 FROBNICATE
                    S: a5 BAD unknown command FROBNICATE
                    C: a6 LOGIN alice@example.test wrong
                    S: a6 NO \\[AUTHENTICATIONFAILED\\] authentication failed
                    C: a7 LOGIN "unterminated
                    S: a7 BAD unterminated quoted string
                    C: +bad NOOP
                    S: \\* BAD missing or invalid tag
                    C: a8 LOGOUT
                    S: \\* BYE .*
                    S: a8 OK LOGOUT completed
                    """);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void loginWithLiteralsAndAuthenticatePlain() throws Exception {
        try (ImapTestClient c = client()) {
            c.run("""
                    S: \\* OK .*
                    C: b1 LOGIN {18}
                    S: \\+ Ready for literal data
                    C: alice@example.test {21}
                    S: \\+ Ready for literal data
                    C: correct horse battery
                    S: b1 OK \\[CAPABILITY IMAP4rev1 SASL-IR UIDPLUS LITERAL\\+ IDLE MOVE NAMESPACE ID UNSELECT ENABLE CHILDREN CONDSTORE SPECIAL-USE CREATE-SPECIAL-USE LIST-EXTENDED LIST-STATUS QUOTA QUOTA=RES-STORAGE\\] LOGIN completed
                    C: b2 LOGIN again please
                    S: b2 NO already authenticated
                    """);
        }
        String plain = java.util.Base64.getEncoder().encodeToString(
                ("\0" + MailboxServiceProcess.USER + "\0" + MailboxServiceProcess.PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (ImapTestClient c = client()) {
            c.run("S: \\* OK .*\nC: c1 AUTHENTICATE PLAIN " + plain + "\nS: c1 OK \\[CAPABILITY .*\\] AUTHENTICATE completed");
        }
        try (ImapTestClient c = client()) {
            c.run("""
                    S: \\* OK .*
                    C: d1 AUTHENTICATE PLAIN
                    S: \\+.*
                    C: *
                    S: d1 BAD AUTHENTICATE cancelled
                    C: d2 AUTHENTICATE PLAIN
                    S: \\+.*
                    C: %s
                    S: d2 OK .*
                    """.formatted(plain));
        }
    }

    @Test
    void literalLimitBeforeLoginKeepsTheConnectionUsable() throws Exception {
        try (ImapTestClient c = client()) {
            c.run("""
                    S: \\* OK .*
                    C: e1 LOGIN {100000}
                    S: e1 BAD \\[TOOBIG\\] literal larger than 8192 octets
                    C: e2 NOOP
                    S: e2 OK NOOP completed
                    """);
            // A non-synchronising literal over the limit is read and dropped, the rest of its command too.
            c.sendRaw(("e3 LOGIN {9000+}\r\n" + "x".repeat(9000) + " pw\r\ne4 NOOP\r\n").getBytes(StandardCharsets.US_ASCII));
            c.run("""
                    S: e3 BAD \\[TOOBIG\\] .*
                    S: e4 OK NOOP completed
                    """);
        }
    }

    @Test
    void mailboxOperations() throws Exception {
        try (ImapTestClient c = client()) {
            c.run("S: \\* OK .*\n" + LOGIN + """
                    C: f1 CREATE Projects/Alpha
                    S: f1 OK CREATE completed
                    C: f2 CREATE Projects/Alpha
                    S: f2 NO \\[ALREADYEXISTS\\] .*
                    C: f3 LIST "" Projects*
                    S: \\* LIST \\(\\\\HasChildren\\) "/" Projects
                    S: \\* LIST \\(\\\\HasNoChildren\\) "/" Projects/Alpha
                    S: f3 OK LIST completed
                    C: f4 LIST "" ""
                    S: \\* LIST \\(\\\\Noselect\\) "/" ""
                    S: f4 OK LIST completed
                    C: f5 RENAME Projects/Alpha Projects/Beta
                    S: f5 OK RENAME completed
                    C: f6 LIST Projects %
                    S: \\* LIST \\(\\\\HasNoChildren\\) "/" Projects/Beta
                    S: f6 OK LIST completed
                    C: f7 SUBSCRIBE Projects/Beta
                    S: f7 OK SUBSCRIBE completed
                    C: f8 LSUB "" Projects/*
                    S: \\* LSUB \\(\\) "/" Projects/Beta
                    S: f8 OK LSUB completed
                    C: f9 UNSUBSCRIBE Projects/Beta
                    S: f9 OK UNSUBSCRIBE completed
                    C: f10 DELETE Projects/Beta
                    S: f10 OK DELETE completed
                    C: f11 DELETE Projects/Beta
                    S: f11 NO \\[NONEXISTENT\\] .*
                    C: f12 CREATE "Entw&APw-rfe"
                    S: f12 OK CREATE completed
                    C: f13 LIST "" Entw*
                    S: \\* LIST \\(\\\\HasNoChildren\\) "/" Entw&APw-rfe
                    S: f13 OK LIST completed
                    C: f14 STATUS Entw&APw-rfe (MESSAGES UIDNEXT UNSEEN RECENT)
                    S: \\* STATUS Entw&APw-rfe \\(MESSAGES 0 UIDNEXT 1 UNSEEN 0 RECENT 0\\)
                    S: f14 OK STATUS completed
                    C: f15 STATUS Nowhere (MESSAGES)
                    S: f15 NO \\[NONEXISTENT\\] .*
                    C: f16 DELETE INBOX
                    S: f16 NO \\[CANNOT\\] .*
                    C: f17 SELECT Nowhere
                    S: f17 NO \\[NONEXISTENT\\] .*
                    """);
        }
    }

    @Test
    void subscriptionsAreNamesThatOutliveTheirMailboxes() throws Exception {
        try (ImapTestClient c = client()) {
            c.run("S: \\* OK .*\n" + LOGIN + """
                    C: h1 CREATE Lists/Java
                    S: h1 OK CREATE completed
                    C: h2 SUBSCRIBE Lists/Java
                    S: h2 OK SUBSCRIBE completed
                    C: h3 LSUB "" Li%
                    S: \\* LSUB \\(\\\\Noselect\\) "/" Lists
                    S: h3 OK LSUB completed
                    C: h4 LSUB "" Lists/*
                    S: \\* LSUB \\(\\) "/" Lists/Java
                    S: h4 OK LSUB completed
                    C: h5 DELETE Lists/Java
                    S: h5 OK DELETE completed
                    C: h6 LSUB "" Lists/*
                    S: \\* LSUB \\(\\) "/" Lists/Java
                    S: h6 OK LSUB completed
                    C: h7 UNSUBSCRIBE Lists/Java
                    S: h7 OK UNSUBSCRIBE completed
                    C: h8 LSUB "" Lists/*
                    S: h8 OK LSUB completed
                    C: h9 UNSUBSCRIBE Lists/Java
                    S: h9 NO \\[NONEXISTENT\\] .*
                    """);
        }
    }

    @Test
    void appendSelectFetchStoreSearchCopyExpunge() throws Exception {
        try (ImapTestClient c = client()) {
            c.run("S: \\* OK .*\n" + LOGIN + """
                    C: g1 CREATE Work
                    S: g1 OK CREATE completed
                    C: g2 APPEND Work (\\Flagged) " 7-Feb-1994 21:52:25 -0800" {77}
                    S: \\+ Ready for literal data
                    C: From: Bob <bob@example.test>
                    C: Subject: first
                    C: To: alice@example.test
                    C:
                    C: hello
                    S: g2 OK \\[APPENDUID \\d+ 1\\] APPEND completed
                    C: g3 APPEND Work {53+}
                    C: From: carol@example.test
                    C: Subject: second
                    C:
                    C: body two
                    S: g3 OK \\[APPENDUID \\d+ 2\\] APPEND completed
                    C: g4 APPEND Nowhere {1}
                    S: \\+ Ready for literal data
                    C: x
                    S: g4 NO \\[TRYCREATE\\] no such mailbox
                    C: g5 SELECT Work
                    S: \\* FLAGS \\(\\\\Answered \\\\Flagged \\\\Deleted \\\\Seen \\\\Draft\\)
                    S: \\* OK \\[PERMANENTFLAGS \\(.*\\\\\\*\\)\\] .*
                    S: \\* 2 EXISTS
                    S: \\* 2 RECENT
                    S: \\* OK \\[UNSEEN 1\\] .*
                    S: \\* OK \\[UIDVALIDITY \\d+\\] .*
                    S: \\* OK \\[UIDNEXT 3\\] .*
                    S: g5 OK \\[READ-WRITE\\] SELECT completed
                    C: g6 FETCH 1:* (UID FLAGS RFC822.SIZE INTERNALDATE)
                    S: \\* 1 FETCH \\(UID 1 FLAGS \\(\\\\Flagged \\\\Recent\\) RFC822.SIZE 77 INTERNALDATE "07-Feb-1994 21:52:25 -0800"\\)
                    S: \\* 2 FETCH \\(UID 2 FLAGS \\(\\\\Recent\\) RFC822.SIZE 53 INTERNALDATE ".*"\\)
                    S: g6 OK FETCH completed
                    C: g7 FETCH 1 (BODY.PEEK[HEADER.FIELDS (SUBJECT)] BODY[TEXT])
                    S: \\* 1 FETCH \\(BODY\\[HEADER.FIELDS \\("SUBJECT"\\)\\] \\{18\\}
                    S: Subject: first
                    S: 
                    S:  BODY\\[TEXT\\] \\{5\\}
                    S: hello FLAGS \\(\\\\Seen \\\\Flagged \\\\Recent\\)\\)
                    S: g7 OK FETCH completed
                    C: g8 FETCH 2 BODY.PEEK[]<6.7>
                    S: \\* 2 FETCH \\(BODY\\[\\]<6> \\{7\\}
                    S: carol@e\\)
                    S: g8 OK FETCH completed
                    C: g9 FETCH 2 (ENVELOPE BODYSTRUCTURE)
                    S: \\* 2 FETCH \\(ENVELOPE \\(.*"second".*\\) BODYSTRUCTURE \\("TEXT" "PLAIN" .*\\)\\)
                    S: g9 OK FETCH completed
                    C: g10 STORE 2 +FLAGS (\\Deleted $Later)
                    S: \\* 2 FETCH \\(FLAGS \\((\\\\Deleted \\$Later|\\$Later \\\\Deleted) \\\\Recent\\)\\)
                    S: g10 OK STORE completed
                    C: g11 SEARCH DELETED
                    S: \\* SEARCH 2
                    S: g11 OK SEARCH completed
                    C: g12 UID SEARCH FROM bob UNDELETED
                    S: \\* SEARCH 1
                    S: g12 OK SEARCH completed
                    C: g13 SEARCH OR SUBJECT second KEYWORD $Later NOT 1
                    S: \\* SEARCH 2
                    S: g13 OK SEARCH completed
                    C: g14 COPY 1:2 Trash
                    S: g14 OK \\[COPYUID \\d+ 1:2 \\d+:\\d+\\] COPY completed
                    C: g15 COPY 1 Nowhere
                    S: g15 NO \\[TRYCREATE\\] no such mailbox
                    C: g16 FETCH 3 FLAGS
                    S: g16 BAD no such message .*
                    C: g17 EXPUNGE
                    S: \\* 2 EXPUNGE
                    S: \\* 1 RECENT
                    S: g17 OK EXPUNGE completed
                    C: g18 UID FETCH 1:* (FLAGS)
                    S: \\* 1 FETCH \\(UID 1 FLAGS \\(\\\\Seen \\\\Flagged \\\\Recent\\)\\)
                    S: g18 OK FETCH completed
                    C: g19 UID STORE 1 -FLAGS.SILENT (\\Seen)
                    S: g19 OK STORE completed
                    C: g20 UID EXPUNGE 1
                    S: g20 OK EXPUNGE completed
                    C: g21 CLOSE
                    S: g21 OK CLOSE completed
                    C: g22 EXAMINE Work
                    S: \\* FLAGS .*
                    S: \\* OK \\[PERMANENTFLAGS \\(\\)\\] .*
                    S: \\* 1 EXISTS
                    S: \\* 0 RECENT
                    S: \\* OK \\[UNSEEN 1\\] .*
                    S: \\* OK \\[UIDVALIDITY \\d+\\] .*
                    S: \\* OK \\[UIDNEXT 3\\] .*
                    S: g22 OK \\[READ-ONLY\\] EXAMINE completed
                    C: g23 STORE 1 +FLAGS (\\Seen)
                    S: g23 NO \\[READ-ONLY\\] .*
                    C: g24 FETCH 1 (BODY[TEXT] FLAGS)
                    S: \\* 1 FETCH \\(BODY\\[TEXT\\] \\{5\\}
                    S: hello FLAGS \\(\\\\Flagged\\)\\)
                    S: g24 OK FETCH completed
                    C: g25 CHECK
                    S: g25 OK CHECK completed
                    C: g26 LOGOUT
                    S: \\* BYE .*
                    S: g26 OK LOGOUT completed
                    """);
        }
    }

    @Test
    void otherSessionsChangesRespectSequenceNumbers() throws Exception {
        try (ImapTestClient a = client(); ImapTestClient b = client()) {
            a.run("S: \\* OK .*\n" + LOGIN.replace("a0", "h0") + """
                    C: h1 CREATE Shared
                    S: h1 OK CREATE completed
                    C: h2 APPEND Shared {14}
                    S: \\+ .*
                    C: Subject: one
                    C:
                    S: h2 OK .*
                    C: h3 APPEND Shared {14}
                    S: \\+ .*
                    C: Subject: two
                    C:
                    S: h3 OK .*
                    C: h4 SELECT Shared
                    S: \\* FLAGS .*
                    S: \\* OK \\[PERMANENTFLAGS .*
                    S: \\* 2 EXISTS
                    S: \\* 2 RECENT
                    S: \\* OK \\[UNSEEN 1\\] .*
                    S: \\* OK \\[UIDVALIDITY .*
                    S: \\* OK \\[UIDNEXT 3\\] .*
                    S: h4 OK \\[READ-WRITE\\] SELECT completed
                    """);
            b.run("S: \\* OK .*\n" + LOGIN.replace("a0", "i0") + """
                    C: i1 SELECT Shared
                    S: \\* FLAGS .*
                    S: \\* OK \\[PERMANENTFLAGS .*
                    S: \\* 2 EXISTS
                    S: \\* 0 RECENT
                    S: \\* OK \\[UNSEEN 1\\] .*
                    S: \\* OK \\[UIDVALIDITY .*
                    S: \\* OK \\[UIDNEXT 3\\] .*
                    S: i1 OK \\[READ-WRITE\\] SELECT completed
                    C: i2 STORE 1 +FLAGS.SILENT (\\Deleted)
                    S: i2 OK STORE completed
                    C: i3 EXPUNGE
                    S: \\* 1 EXPUNGE
                    S: i3 OK EXPUNGE completed
                    C: i4 APPEND Shared {16}
                    S: \\+ .*
                    C: Subject: three
                    C:
                    S: \\* 2 EXISTS
                    S: \\* 1 RECENT
                    S: i4 OK .*
                    """);
            // Session b claimed the new message as \Recent when it caught up after its APPEND (RFC 3501
            // §2.3.2: one session only), so session a never counts it as RECENT below.
            // The mailbox.events hint reaches session a; a FETCH by sequence number then reports the
            // new message but never the EXPUNGE (RFC 3501 §7.4.1): message 1 keeps its number.
            long deadline = System.nanoTime() + 20_000_000_000L;
            List<String> fetch;
            int round = 0;
            do {
                Thread.sleep(200);
                a.send("h5" + round + " FETCH 2 (UID)");
                fetch = a.until("h5" + round++);
                assertThat(fetch).noneMatch(line -> line.contains("EXPUNGE"));
            } while (fetch.stream().noneMatch(line -> line.equals("* 3 EXISTS")) && System.nanoTime() < deadline);
            assertThat(fetch).contains("* 3 EXISTS", "* 2 FETCH (UID 2)");
            a.run("""
                    C: h6 NOOP
                    S: \\* 1 EXPUNGE
                    S: \\* 1 RECENT
                    S: h6 OK NOOP completed
                    C: h7 FETCH 1:* (UID)
                    S: \\* 1 FETCH \\(UID 2\\)
                    S: \\* 2 FETCH \\(UID 3\\)
                    S: h7 OK FETCH completed
                    C: h8 UID SEARCH ALL
                    S: \\* SEARCH 2 3
                    S: h8 OK SEARCH completed
                    """);
        }
    }
}
