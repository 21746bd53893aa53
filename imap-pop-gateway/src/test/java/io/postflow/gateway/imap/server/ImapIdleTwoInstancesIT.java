package io.postflow.gateway.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.testkit.TestKafka;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two packaged gateway instances on different ports, one mailbox-service, one broker: a flag change
 * and a delivery made through instance B reach a client idling on instance A, which only learns of
 * them from {@code mailbox.events} (every instance reads the topic in full). Runs in failsafe after
 * {@code package} (tag {@code packaged-app} keeps it out of surefire).
 */
@Tag("packaged-app")
class ImapIdleTwoInstancesIT {

    private MailboxServiceProcess mailboxService;

    @AfterEach
    void stop() {
        if (mailboxService != null) {
            mailboxService.stop();
        }
    }

    @Test
    void aFlagChangeThroughOneInstanceReachesAnIdlerOnTheOther() throws Exception {
        mailboxService = new MailboxServiceProcess();
        Map<String, String> settings = new HashMap<>(mailboxService.start());
        settings.put("kafka.bootstrap.servers", TestKafka.bootstrapServers());
        String login = "LOGIN " + MailboxServiceProcess.USER + " \"" + MailboxServiceProcess.PASSWORD + "\"";
        try (GatewayProcess a = GatewayProcess.start("a", settings); GatewayProcess b = GatewayProcess.start("b", settings);
             ImapTestClient idler = ImapTestClient.connect(a.imapPort());
             ImapTestClient changer = ImapTestClient.connect(b.imapPort())) {
            assertThat(a.imapPort()).isNotEqualTo(b.imapPort());
            idler.run("""
                    S: \\* OK .*
                    C: a1 %s
                    S: a1 OK .*
                    C: a2 CREATE Shared
                    S: a2 OK CREATE completed
                    C: a3 APPEND Shared {17}
                    S: \\+ .*
                    C: Subject: shared
                    C:
                    S: a3 OK \\[APPENDUID \\d+ 1\\] APPEND completed
                    C: a4 SELECT Shared
                    S: \\* FLAGS .*
                    S: \\* OK \\[PERMANENTFLAGS .*
                    S: \\* 1 EXISTS
                    S: \\* 1 RECENT
                    S: \\* OK \\[UNSEEN 1\\] .*
                    S: \\* OK \\[UIDVALIDITY .*
                    S: \\* OK \\[UIDNEXT 2\\] .*
                    S: a4 OK \\[READ-WRITE\\] SELECT completed
                    C: a5 IDLE
                    S: \\+ idling
                    """.formatted(login));
            changer.run("""
                    S: \\* OK .*
                    C: b1 %s
                    S: b1 OK .*
                    C: b2 SELECT Shared
                    S: \\* FLAGS .*
                    S: \\* OK \\[PERMANENTFLAGS .*
                    S: \\* 1 EXISTS
                    S: \\* 0 RECENT
                    S: \\* OK \\[UNSEEN 1\\] .*
                    S: \\* OK \\[UIDVALIDITY .*
                    S: \\* OK \\[UIDNEXT 2\\] .*
                    S: b2 OK \\[READ-WRITE\\] SELECT completed
                    """.formatted(login));
            long sent = System.nanoTime();
            changer.run("""
                    C: b3 STORE 1 +FLAGS.SILENT (\\Flagged)
                    S: b3 OK STORE completed
                    """);
            idler.run("S: \\* 1 FETCH \\(UID 1 FLAGS \\(\\\\Flagged \\\\Recent\\)\\)");
            long flagMillis = (System.nanoTime() - sent) / 1_000_000;
            sent = System.nanoTime();
            changer.run("""
                    C: b4 APPEND Shared {17}
                    S: \\+ .*
                    C: Subject: second
                    C:
                    S: \\* 2 EXISTS
                    """);
            // Whichever session learns of message 2 first claims it as \Recent (the changer right
            // after its APPEND, or the idler through the other instance's event): RECENT may follow.
            List<String> appended = changer.until("b4");
            assertThat(appended.get(appended.size() - 1)).matches("b4 OK \\[APPENDUID \\d+ 2\\] APPEND completed");
            assertThat(appended.subList(0, appended.size() - 1)).allMatch(line -> line.matches("\\* \\d+ RECENT"));
            idler.run("S: \\* 2 EXISTS");
            long appendMillis = (System.nanoTime() - sent) / 1_000_000;
            System.out.printf("IDLE across instances: flag change seen after %d ms, new message after %d ms%n",
                    flagMillis, appendMillis);
            // Likewise the idler may announce a new RECENT count before DONE is answered.
            idler.send("DONE");
            List<String> done = idler.until("a5");
            assertThat(done.get(done.size() - 1)).isEqualTo("a5 OK IDLE terminated");
            assertThat(done.subList(0, done.size() - 1)).allMatch(line -> line.matches("\\* \\d+ RECENT"));
        }
    }
}
