package io.postflow.gateway.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.testkit.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * CONDSTORE (RFC 7162 §3.1) transcripts against the running gateway and the real mailbox-service:
 * ENABLE and the implicit enabling commands, HIGHESTMODSEQ on SELECT/EXAMINE, FETCH MODSEQ and
 * CHANGEDSINCE, STORE UNCHANGEDSINCE with [MODIFIED], SEARCH MODSEQ, STATUS HIGHESTMODSEQ, MODSEQ in
 * unsolicited FETCH, and the syntax errors. MODSEQ values are read from earlier answers.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MailboxServiceProcess.class)
class ImapCondstoreTranscriptTest {

    @Inject
    ImapServer server;

    private ImapTestClient client() throws Exception {
        return ImapTestClient.connect(server.port("imap"));
    }

    private static String login(String tag) {
        return "C: " + tag + " LOGIN " + MailboxServiceProcess.USER + " \"" + MailboxServiceProcess.PASSWORD + "\"\n"
                + "S: " + tag + " OK \\[CAPABILITY .* CONDSTORE .*\\] LOGIN completed\n";
    }

    private static String append(String tag, String mailbox, String subject) {
        String message = "Subject: " + subject + "\r\n\r\nbody";
        return "C: " + tag + " APPEND " + mailbox + " {" + message.length() + "}\nS: \\+ Ready for literal data\n"
                + "C: Subject: " + subject + "\nC:\nC: body\nS: " + tag + " OK \\[APPENDUID \\d+ \\d+\\] APPEND completed\n";
    }

    /** The first group of the pattern in the first line it matches. */
    private static long find(List<String> lines, String regex) {
        Pattern pattern = Pattern.compile(regex);
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            if (m.matches()) {
                return Long.parseLong(m.group(1));
            }
        }
        throw new AssertionError("no line matches " + regex + " in " + lines);
    }

    @Test
    void enabledSessionStoresConditionallyAndFetchesChanges() throws Exception {
        try (ImapTestClient c = client()) {
            c.run("S: \\* OK \\[CAPABILITY .* CONDSTORE .*\\] .*\n" + login("k0") + "C: k1 CREATE CondStore\nS: k1 OK CREATE completed\n"
                    + append("k2", "CondStore", "one") + append("k3", "CondStore", "two") + append("k4", "CondStore", "three")
                    + """
                    C: k5 ENABLE CONDSTORE
                    S: \\* ENABLED CONDSTORE
                    S: k5 OK ENABLE completed
                    C: k6 SELECT CondStore
                    S: \\* FLAGS .*
                    S: \\* OK \\[PERMANENTFLAGS .*
                    S: \\* 3 EXISTS
                    S: \\* 3 RECENT
                    S: \\* OK \\[UNSEEN 1\\] .*
                    S: \\* OK \\[UIDVALIDITY \\d+\\] .*
                    S: \\* OK \\[UIDNEXT 4\\] .*
                    S: \\* OK \\[HIGHESTMODSEQ \\d+\\] .*
                    S: k6 OK \\[READ-WRITE\\] SELECT completed
                    C: k7 FETCH 1:3 (MODSEQ)
                    S: \\* 1 FETCH \\(MODSEQ \\(\\d+\\)\\)
                    S: \\* 2 FETCH \\(MODSEQ \\(\\d+\\)\\)
                    S: \\* 3 FETCH \\(MODSEQ \\(\\d+\\)\\)
                    S: k7 OK FETCH completed
                    """);
            List<String> read = c.run("""
                    C: k8 FETCH 3 (MODSEQ)
                    S: \\* 3 FETCH \\(MODSEQ \\(\\d+\\)\\)
                    S: k8 OK FETCH completed
                    C: k9 STORE 1 +FLAGS (\\Flagged)
                    S: \\* 1 FETCH \\(FLAGS \\(\\\\Flagged \\\\Recent\\) UID 1 MODSEQ \\(\\d+\\)\\)
                    S: k9 OK STORE completed
                    """);
            long third = find(read, "\\* 3 FETCH \\(MODSEQ \\((\\d+)\\)\\)");
            long flagged = find(read, "\\* 1 FETCH \\(FLAGS .* MODSEQ \\((\\d+)\\)\\)");
            assertThat(flagged).isGreaterThan(third);

            // Message 1 changed after the MODSEQ read for message 3: it alone fails the test (§3.1.3).
            List<String> stored = c.run("""
                    C: k10 STORE 1:3 (UNCHANGEDSINCE %d) +FLAGS.SILENT (\\Seen)
                    S: \\* 2 FETCH \\(UID 2 MODSEQ \\((\\d+)\\)\\)
                    S: \\* 3 FETCH \\(UID 3 MODSEQ \\(\\d+\\)\\)
                    S: k10 OK \\[MODIFIED 1\\] Conditional STORE failed
                    C: k11 UID STORE 1:3 (UNCHANGEDSINCE 0) -FLAGS (\\Seen)
                    S: k11 OK \\[MODIFIED 1:3\\] Conditional STORE failed
                    """.formatted(third));
            long seen = find(stored, "\\* 2 FETCH \\(UID 2 MODSEQ \\((\\d+)\\)\\)");
            assertThat(seen).isGreaterThan(flagged);

            c.run("""
                    C: k12 FETCH 1:3 (FLAGS) (CHANGEDSINCE %1$d)
                    S: \\* 2 FETCH \\(FLAGS \\(\\\\Seen \\\\Recent\\) MODSEQ \\(%2$d\\)\\)
                    S: \\* 3 FETCH \\(FLAGS \\(\\\\Seen \\\\Recent\\) MODSEQ \\(%2$d\\)\\)
                    S: k12 OK FETCH completed
                    C: k13 UID FETCH 1:* (FLAGS) (CHANGEDSINCE %2$d)
                    S: k13 OK FETCH completed
                    C: k14 UID FETCH 2:* (UID) (CHANGEDSINCE %3$d)
                    S: \\* 2 FETCH \\(UID 2 MODSEQ \\(%2$d\\)\\)
                    S: \\* 3 FETCH \\(UID 3 MODSEQ \\(%2$d\\)\\)
                    S: k14 OK FETCH completed
                    C: k15 FETCH 1:3 (BODY.PEEK[TEXT]) (CHANGEDSINCE %1$d)
                    S: \\* 2 FETCH \\(BODY\\[TEXT\\] \\{4\\}
                    S: body MODSEQ \\(%2$d\\)\\)
                    S: \\* 3 FETCH \\(BODY\\[TEXT\\] \\{4\\}
                    S: body MODSEQ \\(%2$d\\)\\)
                    S: k15 OK FETCH completed
                    C: k16 FETCH 1 (FLAGS)
                    S: \\* 1 FETCH \\(FLAGS \\(\\\\Flagged \\\\Recent\\) MODSEQ \\(%1$d\\)\\)
                    S: k16 OK FETCH completed
                    C: k17 SEARCH MODSEQ %4$d
                    S: \\* SEARCH 2 3 \\(MODSEQ %2$d\\)
                    S: k17 OK SEARCH completed
                    C: k18 UID SEARCH MODSEQ "/flags/\\\\seen" all %1$d
                    S: \\* SEARCH 1 2 3 \\(MODSEQ %2$d\\)
                    S: k18 OK SEARCH completed
                    C: k19 SEARCH MODSEQ %5$d
                    S: \\* SEARCH
                    S: k19 OK SEARCH completed
                    C: k20 SEARCH FLAGGED
                    S: \\* SEARCH 1
                    S: k20 OK SEARCH completed
                    C: k21 STATUS CondStore (HIGHESTMODSEQ MESSAGES)
                    S: \\* STATUS CondStore \\(HIGHESTMODSEQ %2$d MESSAGES 3\\)
                    S: k21 OK STATUS completed
                    C: k22 STORE 2 (UNCHANGEDSINCE %2$d) FLAGS (\\Answered)
                    S: \\* 2 FETCH \\(FLAGS \\(\\\\Answered \\\\Recent\\) UID 2 MODSEQ \\(\\d+\\)\\)
                    S: k22 OK STORE completed
                    C: k23 FETCH 1 (BODY[TEXT])
                    S: \\* 1 FETCH \\(BODY\\[TEXT\\] \\{4\\}
                    S: body FLAGS \\(\\\\Seen \\\\Flagged \\\\Recent\\) UID 1 MODSEQ \\(\\d+\\)\\)
                    S: k23 OK FETCH completed
                    """.formatted(flagged, seen, third, flagged + 1, seen + 1000));
        }
    }

    @Test
    void condstoreSyntaxErrorsAreBadAndTheSessionGoesOn() throws Exception {
        try (ImapTestClient c = client()) {
            c.run("S: \\* OK .*\n" + login("e0") + "C: e1 CREATE CondErrors\nS: e1 OK CREATE completed\n"
                    + append("e2", "CondErrors", "one") + """
                    C: e3 SELECT CondErrors (QRESYNC)
                    S: e3 BAD unknown SELECT parameter QRESYNC
                    C: e4 SELECT CondErrors (CONDSTORE)
                    S: \\* FLAGS .*
                    S: \\* OK \\[PERMANENTFLAGS .*
                    S: \\* 1 EXISTS
                    S: \\* 1 RECENT
                    S: \\* OK \\[UNSEEN 1\\] .*
                    S: \\* OK \\[UIDVALIDITY \\d+\\] .*
                    S: \\* OK \\[UIDNEXT 2\\] .*
                    S: \\* OK \\[HIGHESTMODSEQ \\d+\\] .*
                    S: e4 OK \\[READ-WRITE\\] SELECT completed
                    C: e5 FETCH 1 (FLAGS) (CHANGEDSINCE 0)
                    S: e5 BAD CHANGEDSINCE must be a positive mod-sequence
                    C: e6 FETCH 1 (FLAGS) (CHANGEDSINCE abc)
                    S: e6 BAD expected a number
                    C: e7 FETCH 1 (FLAGS) (CHANGEDSINCE 9223372036854775808)
                    S: e7 BAD mod-sequence too large
                    C: e8 FETCH 1 (FLAGS) (VANISHED)
                    S: e8 BAD unknown FETCH modifier VANISHED
                    C: e9 STORE 1 (UNCHANGEDSINCE -1) +FLAGS (\\Seen)
                    S: e9 BAD .*
                    C: e10 STORE 1 (CHANGEDSINCE 5) +FLAGS (\\Seen)
                    S: e10 BAD unknown STORE modifier CHANGEDSINCE
                    C: e11 SEARCH MODSEQ
                    S: e11 BAD .*
                    C: e12 SEARCH MODSEQ "/flags/\\\\seen" sometimes 5
                    S: e12 BAD MODSEQ entry type must be priv, shared or all
                    C: e13 STATUS CondErrors (HIGHESTMODSEQ UNKNOWN)
                    S: e13 BAD unknown STATUS item UNKNOWN
                    C: e14 FETCH 1 (FLAGS)
                    S: \\* 1 FETCH \\(FLAGS \\(\\\\Recent\\) MODSEQ \\(\\d+\\)\\)
                    S: e14 OK FETCH completed
                    C: e15 EXAMINE CondErrors (CONDSTORE)
                    S: \\* FLAGS .*
                    S: \\* OK \\[PERMANENTFLAGS \\(\\)\\] .*
                    S: \\* 1 EXISTS
                    S: \\* 0 RECENT
                    S: \\* OK \\[UNSEEN 1\\] .*
                    S: \\* OK \\[UIDVALIDITY \\d+\\] .*
                    S: \\* OK \\[UIDNEXT 2\\] .*
                    S: \\* OK \\[HIGHESTMODSEQ \\d+\\] .*
                    S: e15 OK \\[READ-ONLY\\] EXAMINE completed
                    C: e16 STORE 1 (UNCHANGEDSINCE 5) +FLAGS (\\Seen)
                    S: e16 NO \\[READ-ONLY\\] mailbox is read-only
                    """);
        }
    }

    @Test
    void implicitEnablingAndModseqInUnsolicitedFetches() throws Exception {
        try (ImapTestClient c = client(); ImapTestClient other = client()) {
            c.run("S: \\* OK .*\n" + login("i0") + "C: i1 CREATE CondImplicit\nS: i1 OK CREATE completed\n"
                    + append("i2", "CondImplicit", "one") + """
                    C: i3 SELECT CondImplicit
                    S: \\* FLAGS .*
                    S: \\* OK \\[PERMANENTFLAGS .*
                    S: \\* 1 EXISTS
                    S: \\* 1 RECENT
                    S: \\* OK \\[UNSEEN 1\\] .*
                    S: \\* OK \\[UIDVALIDITY \\d+\\] .*
                    S: \\* OK \\[UIDNEXT 2\\] .*
                    S: i3 OK \\[READ-WRITE\\] SELECT completed
                    C: i4 FETCH 1 (FLAGS)
                    S: \\* 1 FETCH \\(FLAGS \\(\\\\Recent\\)\\)
                    S: i4 OK FETCH completed
                    C: i5 STORE 1 +FLAGS (\\Draft)
                    S: \\* 1 FETCH \\(FLAGS \\(\\\\Draft \\\\Recent\\)\\)
                    S: i5 OK STORE completed
                    """);
            // The first CONDSTORE enabling command with a mailbox selected reports its HIGHESTMODSEQ (§3.1).
            List<String> enabled = c.run("""
                    C: i6 FETCH 1 (MODSEQ)
                    S: \\* OK \\[HIGHESTMODSEQ \\d+\\] .*
                    S: \\* 1 FETCH \\(MODSEQ \\(\\d+\\)\\)
                    S: i6 OK FETCH completed
                    C: i7 FETCH 1 (MODSEQ)
                    S: \\* 1 FETCH \\(MODSEQ \\(\\d+\\)\\)
                    S: i7 OK FETCH completed
                    """);
            long modseq = find(enabled, "\\* 1 FETCH \\(MODSEQ \\((\\d+)\\)\\)");
            assertThat(find(enabled, "\\* OK \\[HIGHESTMODSEQ (\\d+)\\] .*")).isLessThanOrEqualTo(modseq); // known to the session

            other.run("S: \\* OK .*\n" + login("o0") + """
                    C: o1 STATUS CondImplicit (HIGHESTMODSEQ)
                    S: \\* STATUS CondImplicit \\(HIGHESTMODSEQ %d\\)
                    S: o1 OK STATUS completed
                    C: o2 SELECT CondImplicit
                    S: \\* FLAGS .*
                    S: \\* OK \\[PERMANENTFLAGS .*
                    S: \\* 1 EXISTS
                    S: \\* 0 RECENT
                    S: \\* OK \\[UNSEEN 1\\] .*
                    S: \\* OK \\[UIDVALIDITY \\d+\\] .*
                    S: \\* OK \\[UIDNEXT 2\\] .*
                    S: \\* OK \\[HIGHESTMODSEQ %d\\] .*
                    S: o2 OK \\[READ-WRITE\\] SELECT completed
                    C: o3 STORE 1 +FLAGS.SILENT (\\Seen)
                    S: \\* 1 FETCH \\(UID 1 MODSEQ \\(\\d+\\)\\)
                    S: o3 OK STORE completed
                    """.formatted(modseq, modseq));
            // The change reaches the first session through mailbox.events; NOOP polls in any case.
            c.run("""
                    C: i8 NOOP
                    S: \\* 1 FETCH \\(UID 1 FLAGS \\(\\\\Seen \\\\Draft \\\\Recent\\) MODSEQ \\(\\d+\\)\\)
                    S: i8 OK NOOP completed
                    """);
        }
    }
}
