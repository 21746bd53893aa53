package io.postflow.ingress.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.ingress.session.ListenerKind;
import io.postflow.testkit.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three listeners over real sockets: plain text with STARTTLS, and TLS from the first byte. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(IngressTestResource.class)
class SmtpListenersTest {

    @Inject
    SmtpServer server;

    @Test
    void mxGreetsAndOffersStartTlsButNoAuthToARemoteLookingPlainConnection() throws Exception {
        try (SmtpTestClient client = SmtpTestClient.plain(server.port(ListenerKind.MX))) {
            assertThat(client.last()).isEqualTo("220 mx.postflow.test ESMTP Postflow");
            client.send("EHLO client.example");
            List<String> ehlo = client.reply();
            assertThat(ehlo).contains("250-STARTTLS");
            client.send("QUIT");
            assertThat(client.last()).isEqualTo("221 2.0.0 Bye");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void startTlsUpgradesTheSubmissionConnectionAndResetsTheSession() throws Exception {
        try (SmtpTestClient client = SmtpTestClient.plain(server.port(ListenerKind.SUBMISSION))) {
            client.reply();
            client.send("EHLO client.example");
            assertThat(client.reply()).contains("250-STARTTLS");
            client.send("STARTTLS");
            assertThat(client.last()).isEqualTo("220 2.0.0 Ready to start TLS");
            client.startTls();
            assertThat(client.tlsProtocol()).startsWith("TLSv1.");
            client.send("MAIL FROM:<alice@example.test>");
            assertThat(client.last()).startsWith("503 5.5.1"); // RFC 3207 §4.2: EHLO again first
            client.send("EHLO client.example");
            List<String> ehlo = client.reply();
            assertThat(ehlo).doesNotContain("250-STARTTLS", "250 STARTTLS").anyMatch(l -> l.contains("AUTH PLAIN LOGIN"));
            client.send("STARTTLS");
            assertThat(client.last()).isEqualTo("503 5.5.1 Already using TLS");
        }
    }

    @Test
    void smtpsSpeaksTlsFromTheFirstByte() throws Exception {
        try (SmtpTestClient client = SmtpTestClient.implicitTls(server.port(ListenerKind.SMTPS))) {
            assertThat(client.last()).isEqualTo("220 mx.postflow.test ESMTP Postflow");
            client.send("EHLO client.example");
            assertThat(client.reply()).noneMatch(l -> l.contains("STARTTLS")).anyMatch(l -> l.contains("AUTH PLAIN LOGIN"));
            client.send("MAIL FROM:<alice@example.test>");
            assertThat(client.last()).startsWith("530 5.7.0");
        }
    }

    @Test
    void pipelinedPlainTextAfterStartTlsIsNeverExecuted() throws Exception {
        try (SmtpTestClient client = SmtpTestClient.plain(server.port(ListenerKind.MX))) {
            client.reply();
            client.send("EHLO client.example");
            client.reply();
            // CVE-2011-0411: the injected commands arrive in the same packet as STARTTLS.
            client.sendRaw("STARTTLS\r\nMAIL FROM:<evil@remote.example>\r\nRCPT TO:<alice@example.test>\r\n".getBytes());
            assertThat(client.last()).isEqualTo("220 2.0.0 Ready to start TLS");
            client.startTls();
            client.send("NOOP");
            assertThat(client.last()).isEqualTo("250 2.0.0 Ok"); // not the replies to MAIL/RCPT
        }
    }
}
