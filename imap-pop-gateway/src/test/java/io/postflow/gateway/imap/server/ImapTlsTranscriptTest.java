package io.postflow.gateway.imap.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.postflow.gateway.testing.LineClient;
import io.postflow.testkit.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * TLS policy seen from a non-loopback client (this host's own LAN address): LOGINDISABLED, LOGIN
 * and AUTHENTICATE refused before STARTTLS, plain text pipelined behind STARTTLS discarded.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MailboxServiceProcess.class)
class ImapTlsTranscriptTest {

    @Inject
    ImapServer server;

    private static Optional<InetAddress> lanAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void loginNeedsTlsAndPipelinedPlaintextIsDiscarded() throws Exception {
        Optional<InetAddress> lan = lanAddress();
        assumeTrue(lan.isPresent(), "no non-loopback address on this host");
        String plain = Base64.getEncoder().encodeToString(("\0" + MailboxServiceProcess.USER + "\0"
                + MailboxServiceProcess.PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (ImapTestClient c = new ImapTestClient(lan.get(), server.port("imap"))) {
            c.run("""
                    S: \\* OK \\[CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED SASL-IR UIDPLUS LITERAL\\+ IDLE MOVE NAMESPACE ID UNSELECT ENABLE CHILDREN CONDSTORE SPECIAL-USE CREATE-SPECIAL-USE LIST-EXTENDED LIST-STATUS QUOTA QUOTA=RES-STORAGE\\] .*
                    C: t1 LOGIN alice@example.test secret
                    S: t1 NO \\[PRIVACYREQUIRED\\] .*
                    C: t2 AUTHENTICATE PLAIN %s
                    S: t2 NO \\[PRIVACYREQUIRED\\] .*
                    """.formatted(plain));
            // An attacker's injected command rides behind STARTTLS in the same packet.
            c.sendRaw("t3 STARTTLS\r\nt4 LOGIN alice@example.test x\r\n".getBytes(StandardCharsets.US_ASCII));
            c.run("S: t3 OK Begin TLS negotiation now");
            c.startTls();
            c.run("""
                    C: t5 CAPABILITY
                    S: \\* CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR UIDPLUS LITERAL\\+ IDLE MOVE NAMESPACE ID UNSELECT ENABLE CHILDREN CONDSTORE SPECIAL-USE CREATE-SPECIAL-USE LIST-EXTENDED LIST-STATUS QUOTA QUOTA=RES-STORAGE
                    S: t5 OK CAPABILITY completed
                    C: t6 STARTTLS
                    S: t6 BAD TLS is already active
                    C: t7 AUTHENTICATE PLAIN %s
                    S: t7 OK \\[CAPABILITY .*\\] AUTHENTICATE completed
                    """.formatted(plain));
        }
    }

    @Test
    void implicitTlsListener() throws Exception {
        try (var socket = LineClient.trustAll().getSocketFactory().createSocket("127.0.0.1", server.port("imaps"))) {
            socket.getOutputStream().write("x1 CAPABILITY\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readNBytes(60), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR");
        }
    }
}
