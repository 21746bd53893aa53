package io.postflow.gateway.imap.server;

import io.postflow.testkit.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Transcripts of the extensions (README "IMAP"): IDLE, UIDPLUS, MOVE, NAMESPACE, ID, UNSELECT,
 * ENABLE, LITERAL+, against the running gateway and the real mailbox-service. Changes made by a
 * second connection reach an idling one through mailbox-service's {@code mailbox.events}.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MailboxServiceProcess.class)
class ImapExtensionsTranscriptTest {

    static final String CAPS = "IMAP4rev1 SASL-IR UIDPLUS LITERAL\\+ IDLE MOVE NAMESPACE ID UNSELECT ENABLE CHILDREN CONDSTORE SPECIAL-USE CREATE-SPECIAL-USE LIST-EXTENDED LIST-STATUS QUOTA QUOTA=RES-STORAGE";

    @Inject
    ImapServer server;

    private ImapTestClient client() throws Exception {
        return ImapTestClient.connect(server.port("imap"));
    }

    private static String login(String tag) {
        return "C: " + tag + " LOGIN " + MailboxServiceProcess.USER + " \"" + MailboxServiceProcess.PASSWORD + "\"\n"
                + "S: " + tag + " OK \\[CAPABILITY " + CAPS + "\\] LOGIN completed\n";
    }

    /** Appends a small message with a synchronising literal. */
    private static String append(String tag, String mailbox, String subject) {
        String message = "Subject: " + subject + "\r\n\r\nbody"; // the CRLF after "body" ends the command
        return "C: " + tag + " APPEND " + mailbox + " {" + message.length() + "}\nS: \\+ Ready for literal data\n"
                + "C: Subject: " + subject + "\nC:\nC: body\nS: " + tag + " OK \\[APPENDUID \\d+ \\d+\\] APPEND completed\n";
    }

    @Test
    void capabilityIdAndStateRules() throws Exception {
        try (ImapTestClient c = client()) {
            c.run("""
                    S: \\* OK \\[CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN SASL-IR UIDPLUS LITERAL\\+ IDLE MOVE NAMESPACE ID UNSELECT ENABLE CHILDREN CONDSTORE SPECIAL-USE CREATE-SPECIAL-USE LIST-EXTENDED LIST-STATUS QUOTA QUOTA=RES-STORAGE\\] .*
                    C: a1 ID ("name" "transcript" "version" "1.0" "os" NIL)
                    S: \\* ID \\("name" "Postflow" "vendor" "Postflow"\\)
                    S: a1 OK ID completed
                    C: a2 ID NIL
                    S: \\* ID \\("name" "Postflow" "vendor" "Postflow"\\)
                    S: a2 OK ID completed
                    C: a3 ID ("name")
                    S: a3 BAD .*
                    C: a4 ID ("a-field-name-longer-than-thirty-octets" "x")
                    S: a4 BAD ID field or value too long .*
                    C: a5 ID name
                    S: a5 BAD ID takes a parenthesised list or NIL
                    C: a6 NAMESPACE
                    S: a6 NO log in first
                    C: a7 ENABLE CONDSTORE
                    S: a7 NO log in first
                    C: a8 IDLE
                    S: a8 NO log in first
                    C: a9 UNSELECT
                    S: a9 NO log in first
                    C: a10 MOVE 1 Trash
                    S: a10 NO log in first
                    """);
            StringBuilder pairs = new StringBuilder();
            for (int i = 0; i < 31; i++) {
                pairs.append(i == 0 ? "" : " ").append("\"f").append(i).append("\" \"v\"");
            }
            c.run("C: a11 ID (" + pairs + ")\nS: a11 BAD more than 30 ID fields\n" + login("a12") + """
                    C: a13 NAMESPACE
                    S: \\* NAMESPACE \\(\\("" "/"\\)\\) NIL NIL
                    S: a13 OK NAMESPACE completed
                    C: a14 ENABLE CONDSTORE X-UNKNOWN-EXTENSION
                    S: \\* ENABLED CONDSTORE
                    S: a14 OK ENABLE completed
                    C: a15 ENABLE
                    S: a15 BAD .*
                    C: a16 UNSELECT
                    S: a16 NO select a mailbox first
                    C: a17 MOVE 1 Trash
                    S: a17 NO select a mailbox first
                    C: a18 UID MOVE 1 Trash
                    S: a18 NO select a mailbox first
                    C: a19 ID NIL
                    S: \\* ID .*
                    S: a19 OK ID completed
                    C: a20 SELECT INBOX
                    S: \\* FLAGS .*
                    S: \\* OK \\[PERMANENTFLAGS .*
                    S: \\* \\d+ EXISTS
                    S: \\* \\d+ RECENT
                    S: (\\* OK \\[UNSEEN \\d+\\] .*|\\* OK \\[UIDVALIDITY .*)
                    """);
            // Whatever INBOX holds: read up to the tagged OK, then ENABLE is refused in the selected state.
            c.until("a20");
            c.run("""
                    C: a21 ENABLE CONDSTORE
                    S: a21 NO not valid while a mailbox is selected
                    C: a22 CAPABILITY
                    S: \\* CAPABILITY %s
                    S: a22 OK CAPABILITY completed
                    """.formatted(CAPS));
        }
    }

    @Test
    void unselectKeepsDeletedMessages() throws Exception {
        try (ImapTestClient c = client()) {
            c.run("S: \\* OK .*\n" + login("u0") + "C: u1 CREATE Keep\nS: u1 OK CREATE completed\n" + append("u2", "Keep", "one")
                    + """
                    C: u3 SELECT Keep
                    S: \\* FLAGS .*
                    S: \\* OK \\[PERMANENTFLAGS .*
                    S: \\* 1 EXISTS
                    S: \\* 1 RECENT
                    S: \\* OK \\[UNSEEN 1\\] .*
                    S: \\* OK \\[UIDVALIDITY .*
                    S: \\* OK \\[UIDNEXT 2\\] .*
                    S: u3 OK \\[READ-WRITE\\] SELECT completed
                    C: u4 STORE 1 +FLAGS.SILENT (\\Deleted)
                    S: u4 OK STORE completed
                    C: u5 UNSELECT
                    S: u5 OK UNSELECT completed
                    C: u6 FETCH 1 FLAGS
                    S: u6 NO select a mailbox first
                    C: u7 STATUS Keep (MESSAGES)
                    S: \\* STATUS Keep \\(MESSAGES 1\\)
                    S: u7 OK STATUS completed
                    C: u8 EXAMINE Keep
                    S: \\* FLAGS .*
                    S: \\* OK \\[PERMANENTFLAGS .*
                    S: \\* 1 EXISTS
                    S: \\* 0 RECENT
                    S: \\* OK \\[UNSEEN 1\\] .*
                    S: \\* OK \\[UIDVALIDITY .*
                    S: \\* OK \\[UIDNEXT 2\\] .*
                    S: u8 OK \\[READ-ONLY\\] EXAMINE completed
                    C: u9 UNSELECT
                    S: u9 OK UNSELECT completed
                    C: u10 UNSELECT
                    S: u10 NO select a mailbox first
                    """);
        }
    }

    @Test
    void uidplusAndMove() throws Exception {
        try (ImapTestClient c = client()) {
            c.run("S: \\* OK .*\n" + login("m0") + """
                    C: m1 CREATE From
                    S: m1 OK CREATE completed
                    C: m2 CREATE To
                    S: m2 OK CREATE completed
                    """ + append("m3", "From", "one") + append("m4", "From", "two") + append("m5", "From", "three")
                    + append("m6", "From", "four") + append("m7", "From", "five") + """
                    C: m8 APPEND From (\\Seen) {20+}
                    C: Subject: six
                    C:
                    C: body
                    S: m8 OK \\[APPENDUID (\\d+) 6\\] APPEND completed
                    C: m9 SELECT From
                    S: \\* FLAGS .*
                    S: \\* OK \\[PERMANENTFLAGS .*
                    S: \\* 6 EXISTS
                    S: \\* 6 RECENT
                    S: \\* OK \\[UNSEEN 1\\] .*
                    S: \\* OK \\[UIDVALIDITY .*
                    S: \\* OK \\[UIDNEXT 7\\] .*
                    S: m9 OK \\[READ-WRITE\\] SELECT completed
                    C: m10 COPY 1:3,5 To
                    S: m10 OK \\[COPYUID \\d+ 1:3,5 1:4\\] COPY completed
                    C: m11 MOVE 2 To
                    S: \\* OK \\[COPYUID \\d+ 2 5\\] moved
                    S: \\* 2 EXPUNGE
                    S: \\* 5 RECENT
                    S: m11 OK MOVE completed
                    C: m12 UID MOVE 4:5 To
                    S: \\* OK \\[COPYUID \\d+ 4:5 6:7\\] moved
                    S: \\* 3 EXPUNGE
                    S: \\* 3 EXPUNGE
                    S: \\* 3 RECENT
                    S: m12 OK MOVE completed
                    C: m13 UID FETCH 1:* (UID)
                    S: \\* 1 FETCH \\(UID 1\\)
                    S: \\* 2 FETCH \\(UID 3\\)
                    S: \\* 3 FETCH \\(UID 6\\)
                    S: m13 OK FETCH completed
                    C: m14 UID MOVE 100:200 To
                    S: m14 OK MOVE completed
                    C: m15 MOVE 9 To
                    S: m15 BAD no such message .*
                    C: m16 MOVE 1 Nowhere
                    S: m16 NO \\[TRYCREATE\\] no such mailbox
                    C: m17 MOVE 1:2
                    S: m17 BAD .*
                    C: m18 UID STORE 1,3 +FLAGS.SILENT (\\Deleted)
                    S: m18 OK STORE completed
                    C: m19 UID EXPUNGE 3:6
                    S: \\* 2 EXPUNGE
                    S: \\* 2 RECENT
                    S: m19 OK EXPUNGE completed
                    C: m20 UID FETCH 1:* (FLAGS)
                    S: \\* 1 FETCH \\(UID 1 FLAGS \\(\\\\Deleted \\\\Recent\\)\\)
                    S: \\* 2 FETCH \\(UID 6 FLAGS \\(\\\\Seen \\\\Recent\\)\\)
                    S: m20 OK FETCH completed
                    C: m21 UID EXPUNGE 7
                    S: m21 OK EXPUNGE completed
                    C: m22 STATUS To (MESSAGES UIDNEXT)
                    S: \\* STATUS To \\(MESSAGES 7 UIDNEXT 8\\)
                    S: m22 OK STATUS completed
                    C: m23 EXAMINE From
                    S: \\* FLAGS .*
                    S: \\* OK \\[PERMANENTFLAGS .*
                    S: \\* 2 EXISTS
                    S: \\* 0 RECENT
                    S: \\* OK \\[UNSEEN 1\\] .*
                    S: \\* OK \\[UIDVALIDITY .*
                    S: \\* OK \\[UIDNEXT 7\\] .*
                    S: m23 OK \\[READ-ONLY\\] EXAMINE completed
                    C: m24 MOVE 1 To
                    S: m24 NO \\[READ-ONLY\\] mailbox is read-only
                    C: m25 UID EXPUNGE 1
                    S: m25 NO \\[READ-ONLY\\] mailbox is read-only
                    C: m26 UID EXPUNGE x
                    S: m26 BAD .*
                    """);
        }
    }

    @Test
    void idleSeesOtherSessionsChangesAtOnce() throws Exception {
        try (ImapTestClient idler = client(); ImapTestClient other = client()) {
            idler.run("S: \\* OK .*\n" + login("i0") + "C: i1 CREATE Watched\nS: i1 OK CREATE completed\n"
                    + append("i2", "Watched", "one") + """
                    C: i3 SELECT Watched
                    S: \\* FLAGS .*
                    S: \\* OK \\[PERMANENTFLAGS .*
                    S: \\* 1 EXISTS
                    S: \\* 1 RECENT
                    S: \\* OK \\[UNSEEN 1\\] .*
                    S: \\* OK \\[UIDVALIDITY .*
                    S: \\* OK \\[UIDNEXT 2\\] .*
                    S: i3 OK \\[READ-WRITE\\] SELECT completed
                    C: i4 IDLE
                    S: \\+ idling
                    """);
            other.run("S: \\* OK .*\n" + login("o0") + append("o1", "Watched", "two"));
            // The idler learns of message 2 first, so its session claims it as \Recent (RFC 3501 §2.3.2).
            idler.run("S: \\* 2 EXISTS\nS: \\* 2 RECENT");
            other.run("""
                    C: o2 SELECT Watched
                    S: \\* FLAGS .*
                    S: \\* OK \\[PERMANENTFLAGS .*
                    S: \\* 2 EXISTS
                    S: \\* 0 RECENT
                    S: \\* OK \\[UNSEEN 1\\] .*
                    S: \\* OK \\[UIDVALIDITY .*
                    S: \\* OK \\[UIDNEXT 3\\] .*
                    S: o2 OK \\[READ-WRITE\\] SELECT completed
                    C: o3 STORE 1 +FLAGS.SILENT (\\Seen)
                    S: o3 OK STORE completed
                    """);
            idler.run("S: \\* 1 FETCH \\(UID 1 FLAGS \\(\\\\Seen \\\\Recent\\)\\)");
            other.run("""
                    C: o4 UID STORE 2 +FLAGS.SILENT (\\Deleted)
                    S: o4 OK STORE completed
                    """);
            idler.run("S: \\* 2 FETCH \\(UID 2 FLAGS \\(\\\\Deleted \\\\Recent\\)\\)");
            other.run("""
                    C: o5 EXPUNGE
                    S: \\* 2 EXPUNGE
                    S: o5 OK EXPUNGE completed
                    """);
            // During IDLE an EXPUNGE may go out at once (RFC 2177 §3, RFC 3501 §7.4.1).
            idler.run("""
                    S: \\* 2 EXPUNGE
                    S: \\* 1 RECENT
                    C: done
                    S: i4 OK IDLE terminated
                    C: i5 NOOP
                    S: i5 OK NOOP completed
                    C: i6 IDLE
                    S: \\+ idling
                    C: i7 NOOP
                    S: i6 BAD expected DONE to end IDLE
                    C: i8 FETCH 1:* (UID)
                    S: \\* 1 FETCH \\(UID 1\\)
                    S: i8 OK FETCH completed
                    C: i9 UNSELECT
                    S: i9 OK UNSELECT completed
                    C: i10 IDLE
                    S: \\+ idling
                    C: DONE
                    S: i10 OK IDLE terminated
                    """);
        }
    }

    @Test
    void saslInitialResponse() throws Exception {
        String plain = java.util.Base64.getEncoder().encodeToString(
                ("\0" + MailboxServiceProcess.USER + "\0" + MailboxServiceProcess.PASSWORD).getBytes(StandardCharsets.UTF_8));
        String wrong = java.util.Base64.getEncoder().encodeToString(
                ("\0" + MailboxServiceProcess.USER + "\0wrong").getBytes(StandardCharsets.UTF_8));
        try (ImapTestClient c = client()) {
            c.run("""
                    S: \\* OK .*
                    C: s1 AUTHENTICATE PLAIN =
                    S: s1 BAD malformed PLAIN response
                    C: s2 AUTHENTICATE PLAIN !!!
                    S: s2 BAD invalid initial response
                    C: s3 AUTHENTICATE PLAIN %s
                    S: s3 NO \\[AUTHENTICATIONFAILED\\] .*
                    C: s4 AUTHENTICATE PLAIN %s
                    S: s4 OK \\[CAPABILITY %s\\] AUTHENTICATE completed
                    """.formatted(wrong, plain, CAPS));
        }
    }

    @Test
    void literalPlusAndItsLimits() throws Exception {
        try (ImapTestClient c = client()) {
            String user = MailboxServiceProcess.USER;
            String password = MailboxServiceProcess.PASSWORD;
            // Non-synchronising literals need no continuation (RFC 7888 §3), also before login.
            c.sendRaw(("l1 LOGIN {" + user.length() + "+}\r\n" + user + " {" + password.length() + "+}\r\n" + password
                    + "\r\nl2 ID ({4+}\r\nname {1+}\r\nx)\r\n").getBytes(StandardCharsets.UTF_8));
            c.run("""
                    S: \\* OK .*
                    S: l1 OK \\[CAPABILITY .*\\] LOGIN completed
                    S: \\* ID .*
                    S: l2 OK ID completed
                    """);
        }
        try (ImapTestClient c = client()) {
            // Over the limit before login: BAD [TOOBIG], the octets and the rest of the command are
            // read and dropped (RFC 7888 §4), and the connection goes on.
            c.sendRaw(("l3 ID (\"name\" {9000+}\r\n" + "y".repeat(9000) + ")\r\nl4 NOOP\r\n").getBytes(StandardCharsets.US_ASCII));
            c.run("""
                    S: \\* OK .*
                    S: l3 BAD \\[TOOBIG\\] literal larger than 8192 octets
                    S: l4 OK NOOP completed
                    """);
        }
    }
}
