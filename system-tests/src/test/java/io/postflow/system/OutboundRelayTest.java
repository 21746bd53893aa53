package io.postflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.postflow.testkit.smtp.ReceivedTransaction;
import io.postflow.testkit.smtp.SinkScript;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Outbound: alice submits on the submission port (STARTTLS + AUTH) to a remote domain; the relay
 * resolves its MX through the test DNS and hands the message to the remote MX byte for byte. When
 * the remote MX refuses a recipient with a 5xx, alice gets a delivery status notification in her
 * INBOX.
 */
class OutboundRelayTest {

    private static final String ALICE = "alice@outbound.test";
    private static final String PASSWORD = "alice-password-1";

    private static Platform platform;
    private static Submission alice;
    private static AdminApi admin;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
        alice = new Submission(platform, ALICE, PASSWORD);
        admin = new AdminApi(platform);
        admin.domain("outbound.test");
        admin.account(ALICE, PASSWORD);
        platform.dns().zone().mx("remote.test", 10, "mx.remote.test").a("mx.remote.test", Platform.REMOTE_MX);
        platform.remoteMx().script(SinkScript.acceptAll()
                .withRcptReply(address -> address.startsWith("nobody@") ? "550 5.1.1 no such user here" : "250 2.1.5 ok"));
    }

    @Test
    void submittedMailReachesTheRemoteMxByteForByte() throws Exception {
        MimeMessage message = alice.message("friend@remote.test", "to a friend", "Hello from Postflow.\r\n.a line with a dot\r\n");
        byte[] sent = Submission.bytes(message);
        int before = platform.remoteMx().transactions().size();
        alice.submit(message);

        List<ReceivedTransaction> all = platform.remoteMx().awaitTransactions(before + 1, Duration.ofSeconds(60));
        ReceivedTransaction received = all.get(all.size() - 1);
        assertThat(received.mailFrom()).isEqualTo(ALICE);
        assertThat(received.acceptedRecipients()).containsExactly("friend@remote.test");
        String head = new String(received.data(), 0, Math.min(received.data().length, 200), StandardCharsets.ISO_8859_1);
        assertThat(head).as("only trace fields are prepended").startsWith("Received: from ");
        byte[] tail = Arrays.copyOfRange(received.data(), received.data().length - sent.length, received.data().length);
        assertThat(tail).as("the message as submitted, byte for byte").isEqualTo(sent);
    }

    @Test
    void aPermanentRefusalByTheRemoteMxBouncesToTheSendersInbox() throws Exception {
        int inboxBefore = admin.messages(ALICE, "INBOX");
        MimeMessage message = alice.message("nobody@remote.test", "to nobody", "Will bounce.\r\n");
        alice.submit(message);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(admin.messages(ALICE, "INBOX"))
                .as("a DSN in alice's INBOX; service logs:%n%s", platform.serviceLogTails()).isEqualTo(inboxBefore + 1));
        try (ImapReader imap = new ImapReader(platform.port("imap"), ALICE, PASSWORD)) {
            String dsn = new String(imap.raw("INBOX", "Undelivered Mail Returned to Sender"), StandardCharsets.UTF_8);
            assertThat(dsn).as("an RFC 3464 report about nobody@remote.test, readable over IMAP")
                    .contains("multipart/report", "message/delivery-status",
                            "Final-Recipient: rfc822; nobody@remote.test", "Action: failed", "Status: 5.1.1",
                            "Subject: to nobody");
        }
    }
}
