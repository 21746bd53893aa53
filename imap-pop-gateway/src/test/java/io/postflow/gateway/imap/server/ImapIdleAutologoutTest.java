package io.postflow.gateway.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.testkit.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * IDLE does not hold a connection open past the autologout time (RFC 2177 §3: a server with an
 * inactivity timeout may log an idling client off; clients re-issue IDLE before it). Here the
 * autologout is 3 s so the test can wait for it; pushes during IDLE do not count as activity.
 */
@QuarkusTest
@TestProfile(ImapIdleAutologoutTest.ShortAutologout.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MailboxServiceProcess.class)
class ImapIdleAutologoutTest {

    public static class ShortAutologout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("postflow.imap.limits.autologout", "PT3S");
        }
    }

    @Inject
    ImapServer server;

    @Test
    void anIdlingClientIsLoggedOutAtTheAutologoutTime() throws Exception {
        try (ImapTestClient c = ImapTestClient.connect(server.port("imap"))) {
            long start = System.nanoTime();
            c.run("""
                    S: \\* OK .*
                    C: t1 LOGIN %s "%s"
                    S: t1 OK .*
                    C: t2 IDLE
                    S: \\+ idling
                    S: \\* BYE Autologout; idle for too long
                    """.formatted(MailboxServiceProcess.USER, MailboxServiceProcess.PASSWORD));
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertThat(c.closedByServer()).isTrue();
            assertThat(waited).as("BYE came after the autologout time, not before").isGreaterThanOrEqualTo(2_900);
        }
        try (ImapTestClient c = ImapTestClient.connect(server.port("imap"))) {
            // Re-issuing IDLE within the autologout time keeps the connection (DONE is activity).
            c.run("""
                    S: \\* OK .*
                    C: r1 LOGIN %s "%s"
                    S: r1 OK .*
                    C: r2 IDLE
                    S: \\+ idling
                    """.formatted(MailboxServiceProcess.USER, MailboxServiceProcess.PASSWORD));
            for (int i = 0; i < 3; i++) {
                Thread.sleep(2_000);
                c.run("""
                        C: DONE
                        S: r%1$d OK IDLE terminated
                        C: r%2$d IDLE
                        S: \\+ idling
                        """.formatted(i + 2, i + 3));
            }
            c.run("""
                    C: DONE
                    S: r5 OK IDLE terminated
                    C: r6 LOGOUT
                    S: \\* BYE .*
                    S: r6 OK LOGOUT completed
                    """);
        }
    }
}
