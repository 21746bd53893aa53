package io.postflow.gateway.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.gateway.mailbox.MailboxClient;
import io.postflow.testkit.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One mailbox-service round trip per IMAP command: the HTTP requests the gateway's client sends
 * are counted around each command. The changes calls a session makes to catch up after a
 * {@code mailbox.events} hint are counted apart: they run before whatever tagged response comes
 * next (here, late hints of the APPENDs), not as part of the command.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MailboxServiceProcess.class)
class ImapRoundTripTest {

    private static final int MESSAGES = 40;

    @Inject
    ImapServer server;

    @Inject
    MailboxClient mailbox;

    @Test
    void everyCommandIsOneCall() throws Exception {
        try (ImapTestClient c = ImapTestClient.connect(server.port("imap"))) {
            c.run("S: \\* OK .*\n" + ImapTranscriptTest.LOGIN + """
                    C: r1 CREATE RoundTrip
                    S: r1 OK CREATE completed
                    C: r2 CREATE RoundTripCopies
                    S: r2 OK CREATE completed
                    """);
            List<byte[]> sent = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                byte[] message = ("Subject: round trip " + i + "\r\nFrom: bob@example.test\r\n\r\n" + "line\r\n".repeat(i * 50)
                        + "end " + i + "\r\n").getBytes(StandardCharsets.US_ASCII);
                sent.add(message);
                byte[] command = ("p" + i + " APPEND RoundTrip (\\Flagged) \" 1-Jan-2026 10:00:00 +0100\" {" + message.length
                        + "+}\r\n").getBytes(StandardCharsets.US_ASCII);
                assertOneCall(c, "p" + i, concat(command, message, "\r\n".getBytes(StandardCharsets.US_ASCII)),
                        "APPEND");
            }
            assertOneCall(c, "s1", "s1 STATUS RoundTrip (MESSAGES UIDNEXT UNSEEN)", "STATUS");
            List<String> select = assertOneCall(c, "s2", "s2 SELECT RoundTrip", "SELECT");
            assertThat(select).contains("* " + MESSAGES + " EXISTS", "* " + MESSAGES + " RECENT");

            List<String> bodies = assertOneCall(c, "s3", "s3 FETCH 1:* (UID BODY.PEEK[] BODY.PEEK[HEADER.FIELDS (SUBJECT)])",
                    "FETCH BODY.PEEK[] of every message");
            assertThat(bodies.stream().filter(l -> l.matches("\\* \\d+ FETCH \\(UID \\d+ BODY\\[\\] \\{\\d+\\}"))).hasSize(MESSAGES);
            assertThat(bodies.stream().filter(l -> l.matches(" BODY\\[HEADER.FIELDS \\(\"SUBJECT\"\\)\\] \\{\\d+\\}")))
                    .hasSize(MESSAGES);
            assertThat(bodies).contains("end " + (MESSAGES - 1), "Subject: round trip " + (MESSAGES - 1));

            List<String> copied = assertOneCall(c, "s4", "s4 COPY 1:5 RoundTripCopies", "COPY");
            assertThat(copied.get(copied.size() - 1)).startsWith("s4 OK [COPYUID ");

            List<String> moved = assertOneCall(c, "s4m", "s4m UID MOVE " + MESSAGES + " RoundTripCopies", "UID MOVE");
            assertThat(moved.get(moved.size() - 1)).startsWith("s4m OK");
            assertThat(moved).anyMatch(l -> l.startsWith("* OK [COPYUID ")).contains("* " + MESSAGES + " EXPUNGE");

            List<String> seen = assertOneCall(c, "s5", "s5 FETCH 1:3 (BODY[TEXT])", "non-PEEK FETCH");
            assertThat(seen.stream().filter(l -> l.contains("FLAGS (\\Seen \\Flagged \\Recent)"))).hasSize(3);

            List<String> metadata = assertOneCall(c, "s6", "s6 FETCH 1:* (FLAGS INTERNALDATE RFC822.SIZE ENVELOPE)",
                    "metadata FETCH");
            assertThat(metadata).anyMatch(l -> l.startsWith("* 1 FETCH (FLAGS (\\Seen \\Flagged \\Recent) "
                    + "INTERNALDATE \"01-Jan-2026 10:00:00 +0100\" RFC822.SIZE " + sent.get(0).length + " ENVELOPE ("));
            // CONDSTORE (RFC 7162 §3.1): each command, the implicitly enabling one included, is one call.
            List<String> status = assertOneCall(c, "m1", "m1 STATUS RoundTrip (HIGHESTMODSEQ)", "STATUS HIGHESTMODSEQ");
            assertThat(status).anyMatch(l -> l.startsWith("* OK [HIGHESTMODSEQ "))
                    .anyMatch(l -> l.matches("\\* STATUS RoundTrip \\(HIGHESTMODSEQ \\d+\\)"));
            List<String> changed = assertOneCall(c, "m2", "m2 FETCH 1:* (FLAGS) (CHANGEDSINCE 1)", "FETCH CHANGEDSINCE");
            assertThat(changed.stream().filter(l -> l.matches("\\* \\d+ FETCH \\(FLAGS \\(.*\\) MODSEQ \\(\\d+\\)\\)")))
                    .hasSize(MESSAGES - 1);
            List<String> streamed = assertOneCall(c, "m3", "m3 UID FETCH 1:* (BODY.PEEK[TEXT]) (CHANGEDSINCE 1)",
                    "UID FETCH BODY CHANGEDSINCE");
            assertThat(streamed.stream().filter(l -> l.matches("\\* \\d+ FETCH \\(UID \\d+ BODY\\[TEXT\\] \\{\\d+\\}")))
                    .hasSize(MESSAGES - 1);
            List<String> conditional = assertOneCall(c, "m4", "m4 STORE 1:2 (UNCHANGEDSINCE 1) +FLAGS (\\Answered)",
                    "STORE UNCHANGEDSINCE");
            assertThat(conditional.get(conditional.size() - 1)).startsWith("m4 OK [MODIFIED 1:2]");
            List<String> stored = assertOneCall(c, "m5", "m5 STORE 1 (UNCHANGEDSINCE 9223372036854775807) +FLAGS (\\Answered)",
                    "STORE UNCHANGEDSINCE passing");
            assertThat(stored).anyMatch(l -> l.matches("\\* 1 FETCH \\(FLAGS \\(.*\\\\Answered.*\\) UID \\d+ MODSEQ \\(\\d+\\)\\)"));
            List<String> search = assertOneCall(c, "m6", "m6 SEARCH MODSEQ 1", "SEARCH MODSEQ");
            assertThat(search).anyMatch(l -> l.matches("\\* SEARCH [\\d ]+ \\(MODSEQ \\d+\\)"));
            List<String> reselect = assertOneCall(c, "m7", "m7 SELECT RoundTrip (CONDSTORE)", "SELECT (CONDSTORE)");
            assertThat(reselect).anyMatch(l -> l.startsWith("* OK [HIGHESTMODSEQ "));

            assertOneCall(c, "s7", "s7 LSUB \"\" *", "LSUB");
            assertOneCall(c, "s8", "s8 LIST \"\" *", "LIST");
            List<String> extended = assertOneCall(c, "s8a",
                    "s8a LIST (SUBSCRIBED RECURSIVEMATCH) \"\" (Round* INBOX) RETURN (CHILDREN SPECIAL-USE)",
                    "LIST-EXTENDED with SUBSCRIBED");
            assertThat(extended).contains("* LIST (\\HasNoChildren \\Subscribed) \"/\" INBOX");
            List<String> listStatus = assertOneCall(c, "s8b",
                    "s8b LIST \"\" Round* RETURN (STATUS (MESSAGES UNSEEN UIDNEXT UIDVALIDITY RECENT))", "LIST-STATUS");
            assertThat(listStatus.stream().filter(l -> l.startsWith("* STATUS "))).hasSize(2);
            assertOneCall(c, "s8c", "s8c LIST (SPECIAL-USE) \"\" *", "LIST (SPECIAL-USE)");
            assertOneCall(c, "s8d", "s8d GETQUOTAROOT INBOX", "GETQUOTAROOT");
            assertOneCall(c, "s9", "s9 SUBSCRIBE RoundTripCopies", "SUBSCRIBE");
            assertOneCall(c, "s10", "s10 RENAME RoundTripCopies RoundTripRenamed", "RENAME");
            assertOneCall(c, "s11", "s11 DELETE RoundTripRenamed", "DELETE");
            assertOneCall(c, "s12", "s12 EXAMINE RoundTrip", "EXAMINE");
        }
    }

    /** Sends a command, reads to its tagged response, and checks it cost exactly one command call. */
    private List<String> assertOneCall(ImapTestClient c, String tag, Object command, String what) throws Exception {
        long before = mailbox.requests() - mailbox.changeRequests();
        if (command instanceof byte[] raw) {
            c.sendRaw(raw);
        } else {
            c.send((String) command);
        }
        List<String> lines = c.until(tag);
        assertThat(lines.get(lines.size() - 1)).as(what).startsWith(tag + " OK");
        long calls = mailbox.requests() - mailbox.changeRequests() - before;
        assertThat(calls).as("mailbox-service calls of %s", what).isEqualTo(1);
        return lines;
    }

    private static byte[] concat(byte[]... parts) {
        int size = 0;
        for (byte[] p : parts) {
            size += p.length;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
