package io.postflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inbound mail from another MTA: an unauthenticated client on the MX port reaches a local user's
 * INBOX through ingress → Kafka → relay-worker → mailbox-service, and may not relay elsewhere.
 */
class MxInboundTest {

    private static Platform platform;
    private static AdminApi admin;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
        admin = new AdminApi(platform);
        admin.domain("inbound.test");
        // CONTRACT: a new domain is honoured within 5 seconds; postmaster@ of a local domain always is.
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> rcptAccepted("postmaster@inbound.test"));
    }

    @Test
    void anAccountCreatedThroughTheAdminApiReceivesMailFromTheMxWithinSeconds() throws Exception {
        admin.account("carol@inbound.test", "carol-password-1");
        long created = System.nanoTime();
        // CONTRACT: a new account is honoured by every service within 5 seconds.
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> rcptAccepted("carol@inbound.test"));
        assertThat(Duration.ofNanos(System.nanoTime() - created)).isLessThan(Duration.ofSeconds(5));

        try (SmtpDialog smtp = new SmtpDialog(platform.port("smtp.mx"))) {
            assertThat(smtp.say(null)).startsWith("220 ");
            assertThat(smtp.say("EHLO mta.remote.example")).startsWith("250 ");
            assertThat(smtp.say("MAIL FROM:<someone@remote.example>")).startsWith("250 ");
            assertThat(smtp.say("RCPT TO:<carol@inbound.test>")).startsWith("250 ");
            assertThat(smtp.say("DATA")).startsWith("354 ");
            assertThat(smtp.say("From: someone@remote.example\r\nTo: carol@inbound.test\r\nSubject: inbound\r\n\r\nHello Carol.\r\n."))
                    .matches("250 2\\.0\\.0 Ok: queued as [A-Za-z0-9_-]{22}");
            assertThat(smtp.say("QUIT")).startsWith("221 ");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(admin.messages("carol@inbound.test", "INBOX"))
                .as("carol's INBOX; service logs:%n%s", platform.serviceLogTails()).isEqualTo(1));
    }

    @Test
    void theMxRefusesToRelayAndToInventUsers() throws Exception {
        try (SmtpDialog smtp = new SmtpDialog(platform.port("smtp.mx"))) {
            smtp.say(null);
            smtp.say("EHLO mta.remote.example");
            assertThat(smtp.say("MAIL FROM:<someone@remote.example>")).startsWith("250 ");
            assertThat(smtp.say("RCPT TO:<victim@elsewhere.example>")).startsWith("550 5.7.1 ");
            assertThat(smtp.say("RCPT TO:<nobody@inbound.test>")).startsWith("550 5.1.1 ");
            assertThat(smtp.say("RCPT TO:<postmaster@inbound.test>")).startsWith("250 ");
            assertThat(smtp.say("QUIT")).startsWith("221 ");
        }
    }

    private static boolean rcptAccepted(String address) throws Exception {
        try (SmtpDialog smtp = new SmtpDialog(platform.port("smtp.mx"))) {
            smtp.say(null);
            smtp.say("EHLO mta.remote.example");
            smtp.say("MAIL FROM:<probe@remote.example>");
            return smtp.say("RCPT TO:<" + address + ">").startsWith("250 ");
        }
    }
}
