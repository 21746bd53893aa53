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
 * Connections per client address and sessions per user are limited: one connection more from the
 * address is greeted with {@code * BYE} and closed, one login more for the user is refused with
 * {@code NO [LIMIT]} (RFC 5530) and the connection stays usable; closed ones give their place back.
 */
@QuarkusTest
@TestProfile(ImapConnectionLimitsTest.LowLimits.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MailboxServiceProcess.class)
class ImapConnectionLimitsTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("postflow.imap.limits.max-connections-per-address", "3",
                    "postflow.imap.limits.max-connections-per-user", "2");
        }
    }

    @Inject
    ImapServer server;

    @Test
    void theUserAndTheAddressGetNoMoreThanTheirLimits() throws Exception {
        try (ImapTestClient a = ImapTestClient.connect(server.port("imap"));
             ImapTestClient b = ImapTestClient.connect(server.port("imap"));
             ImapTestClient c = ImapTestClient.connect(server.port("imap"))) {
            a.run("S: \\* OK .*\n" + login("a1") + "S: a1 OK .*");
            b.run("S: \\* OK .*\n" + login("b1") + "S: b1 OK .*");
            c.run("S: \\* OK .*\n" + login("c1") + """
                    S: c1 NO \\[LIMIT\\] too many connections for this user
                    C: c2 NOOP
                    S: c2 OK NOOP completed
                    """);
            try (ImapTestClient d = ImapTestClient.connect(server.port("imap"))) {
                d.run("S: \\* BYE too many connections from your address, try again later");
                assertThat(d.closedByServer()).isTrue();
            }
            a.run("""
                    C: a2 LOGOUT
                    S: \\* BYE .*
                    S: a2 OK LOGOUT completed
                    """);
            assertThat(a.closedByServer()).isTrue();
            // a's session slot and connection are free again (the close is seen asynchronously)
            boolean loggedIn = false;
            for (int i = 0; i < 50 && !loggedIn; i++) {
                c.send("c" + (i + 3) + " LOGIN " + MailboxServiceProcess.USER + " \"" + MailboxServiceProcess.PASSWORD + "\"");
                var lines = c.until("c" + (i + 3));
                loggedIn = lines.get(lines.size() - 1).startsWith("c" + (i + 3) + " OK");
                if (!loggedIn) {
                    Thread.sleep(100);
                }
            }
            assertThat(loggedIn).as("login after another session of the user ended").isTrue();
        }
    }

    private static String login(String tag) {
        return "C: " + tag + " LOGIN " + MailboxServiceProcess.USER + " \"" + MailboxServiceProcess.PASSWORD + "\"\n";
    }
}
