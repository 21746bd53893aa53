package io.postflow.gateway.pop3.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.testkit.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** STLS (RFC 2595), POP3S (RFC 8314), the CVE-2011-0411 class of injection, and a large message streamed over TLS. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(Pop3Platform.class)
class Pop3TlsTest {

    @Inject
    Pop3Server server;

    @Test
    void stlsThenLogin() throws Exception {
        String account = Pop3Platform.newAccount("stls");
        try (Pop3TestClient c = Pop3TestClient.connect(server.port("pop3"))) {
            c.run("""
                    S: \\+OK.*
                    C: STLS
                    S: \\+OK begin TLS negotiation
                    """);
            c.startTls();
            c.run(Pop3TestClient.CAPA_OVER_TLS);
            c.run("""
                    C: STLS
                    S: -ERR TLS is already active
                    C: USER %s
                    S: \\+OK.*
                    C: PASS %s
                    S: \\+OK maildrop has 0 messages .*
                    C: QUIT
                    S: \\+OK.*
                    """.formatted(account, Pop3Platform.PASSWORD));
        }
    }

    @Test
    void plaintextPipelinedBehindStlsIsDiscarded() throws Exception {
        String account = Pop3Platform.newAccount("injection");
        try (Pop3TestClient c = Pop3TestClient.connect(server.port("pop3"))) {
            c.run("S: \\+OK.*");
            // A man in the middle appends a command after the client's STLS (CVE-2011-0411).
            c.sendRaw(("STLS\r\nUSER " + account + "\r\n").getBytes(StandardCharsets.US_ASCII));
            c.run("S: \\+OK begin TLS negotiation");
            c.startTls();
            c.run("""
                    C: PASS %s
                    S: -ERR USER first
                    C: NOOP
                    S: -ERR not logged in
                    """.formatted(Pop3Platform.PASSWORD));
        }
    }

    @Test
    void userGivenBeforeStlsIsForgotten() throws Exception {
        String account = Pop3Platform.newAccount("forget");
        try (Pop3TestClient c = Pop3TestClient.connect(server.port("pop3"))) {
            c.run("S: \\+OK.*\nC: USER " + account + "\nS: \\+OK.*\nC: STLS\nS: \\+OK.*");
            c.startTls();
            c.run("C: PASS " + Pop3Platform.PASSWORD + "\nS: -ERR USER first");
        }
    }

    @Test
    void pop3sStreamsALargeMessageExactly() throws Exception {
        String account = Pop3Platform.newAccount("pop3s");
        byte[] large = largeMessage(6 * 1024 * 1024);
        Pop3Platform.append(account, large);
        try (Pop3TestClient c = Pop3TestClient.connectTls(server.port("pop3s"))) {
            c.run("""
                    S: \\+OK Postflow POP3 server ready
                    C: USER %s
                    S: \\+OK.*
                    C: PASS %s
                    S: \\+OK maildrop has 1 messages \\(%d octets\\)
                    C: RETR 1
                    S: \\+OK %3$d octets
                    """.formatted(account, Pop3Platform.PASSWORD, large.length));
            // The client reads slowly at first: the server must hold back rather than buffer the message.
            Thread.sleep(1_000);
            assertThat(unstuff(c.multiline())).isEqualTo(large);
            c.run("C: TOP 1 2\nS: \\+OK.*");
            String top = new String(c.multiline(), StandardCharsets.US_ASCII);
            assertThat(top).startsWith("Subject: large\r\n\r\n").endsWith("\r\n.\r\n");
            assertThat(top.split("\r\n")).hasSize(5);
            c.run("C: NOOP\nS: \\+OK\nC: QUIT\nS: \\+OK.*");
        }
    }

    @Test
    void aClientLeavingInTheMiddleOfRetrDeletesNothingAndFreesTheMaildrop() throws Exception {
        String account = Pop3Platform.newAccount("leaver");
        Pop3Platform.append(account, largeMessage(4 * 1024 * 1024));
        String login = "S: \\+OK.*\nC: USER " + account + "\nS: \\+OK.*\nC: PASS " + Pop3Platform.PASSWORD + "\n";
        try (Pop3TestClient c = Pop3TestClient.connectTls(server.port("pop3s"))) {
            c.run(login + "S: \\+OK maildrop has 1 messages .*\nC: DELE 1\nS: \\+OK.*\nC: RSET\nS: \\+OK.*\nC: DELE 1\nS: \\+OK.*");
            c.run("C: RETR 2\nS: -ERR no such message");
            c.run("C: RSET\nS: \\+OK.*\nC: RETR 1\nS: \\+OK \\d+ octets");
            assertThat(c.line()).isEqualTo("Subject: large");
        } // gone with most of the message unread
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            try (Pop3TestClient c = Pop3TestClient.connectTls(server.port("pop3s"))) {
                c.run(login + "S: \\+OK maildrop has 1 messages .*\nC: QUIT\nS: \\+OK.*");
            }
        });
        assertThat(Pop3Platform.inboxCount(account)).isEqualTo(1);
    }

    /** Lines of varied length, some starting with a dot. */
    static byte[] largeMessage(int size) {
        Random random = new Random(42);
        StringBuilder m = new StringBuilder("Subject: large\r\n\r\n");
        while (m.length() < size) {
            if (random.nextInt(10) == 0) {
                m.append('.');
            }
            int length = random.nextInt(120);
            for (int i = 0; i < length; i++) {
                m.append((char) ('a' + random.nextInt(26)));
            }
            m.append("\r\n");
        }
        return m.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A RETR body back to the message: without the final dot line, and one dot less at each line start. */
    static byte[] unstuff(byte[] body) {
        String text = new String(body, StandardCharsets.US_ASCII);
        assertThat(text).endsWith("\r\n.\r\n");
        String[] lines = text.substring(0, text.length() - 5).split("\r\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        for (String line : lines) {
            out.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
