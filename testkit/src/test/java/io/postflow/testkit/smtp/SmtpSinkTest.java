package io.postflow.testkit.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.testkit.FreePorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Talks to the sink over a plain socket, as a transcript: client lines in, reply lines out. */
class SmtpSinkTest {

    @Test
    void recordsTransactionWithUnstuffedDataAndPerRecipientReplies() throws Exception {
        int port = FreePorts.next();
        SinkScript script = SinkScript.acceptAll()
                .withRcptReply(address -> address.startsWith("bad") ? "550 5.1.1 no such user" : "250 2.1.5 ok");
        try (SmtpSink sink = SmtpSink.start(port, script, "127.0.0.2", "127.0.0.3");
             Socket socket = new Socket("127.0.0.3", port)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            assertThat(in.readLine()).startsWith("220 ");
            send(out, "EHLO client.test\r\n");
            assertThat(readReply(in)).map(l -> l.substring(4)).contains("PIPELINING", "8BITMIME", "SMTPUTF8", "DSN");
            // Pipelined MAIL and RCPTs: answered in order.
            send(out, "MAIL FROM:<a@client.test> BODY=8BITMIME\r\nRCPT TO:<ok@sink.test> NOTIFY=NEVER\r\nRCPT TO:<bad@sink.test>\r\nDATA\r\n");
            assertThat(in.readLine()).startsWith("250 2.1.0");
            assertThat(in.readLine()).startsWith("250 2.1.5");
            assertThat(in.readLine()).startsWith("550 5.1.1");
            assertThat(in.readLine()).startsWith("354 ");
            send(out, "Subject: x\r\n\r\n..dot\r\nbare\n.lf\r\n.\r\n");
            assertThat(in.readLine()).startsWith("250 2.0.0");
            send(out, "QUIT\r\n");
            assertThat(in.readLine()).startsWith("221 ");

            ReceivedTransaction tx = sink.awaitTransactions(1, Duration.ofSeconds(5)).get(0);
            assertThat(tx.localAddress()).isEqualTo("127.0.0.3");
            assertThat(tx.mailFrom()).isEqualTo("a@client.test");
            assertThat(tx.mailParameters()).containsEntry("BODY", "8BITMIME");
            assertThat(tx.acceptedRecipients()).containsExactly("ok@sink.test");
            assertThat(tx.recipients().get(0).parameters()).containsEntry("NOTIFY", "NEVER");
            assertThat(new String(tx.data(), StandardCharsets.US_ASCII)).isEqualTo("Subject: x\r\n\r\n.dot\r\nbare\n.lf\r\n");
            assertThat(tx.bdat()).isFalse();
            assertThat(tx.tls()).isFalse();
        }
    }

    @Test
    void chunkingRecordsBdatBytesVerbatim() throws Exception {
        int port = FreePorts.next();
        SinkScript script = SinkScript.acceptAll().withExtensions(EnumSet.of(SinkExtension.CHUNKING)).withSize(1000);
        try (SmtpSink sink = SmtpSink.start(port, script, "127.0.0.2");
             Socket socket = new Socket("127.0.0.2", port)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            in.readLine();
            send(out, "EHLO c\r\n");
            assertThat(readReply(in)).map(l -> l.substring(4)).contains("CHUNKING", "SIZE 1000");
            send(out, "MAIL FROM:<> SIZE=5000\r\n");
            assertThat(in.readLine()).startsWith("552 5.3.4");
            send(out, "MAIL FROM:<>\r\nRCPT TO:<x@sink.test>\r\n");
            in.readLine();
            in.readLine();
            send(out, "BDAT 4\r\n.a\r\nBDAT 3 LAST\r\n\n.\n");
            assertThat(in.readLine()).startsWith("250 ");
            assertThat(in.readLine()).startsWith("250 2.0.0 queued");
            ReceivedTransaction tx = sink.awaitTransactions(1, Duration.ofSeconds(5)).get(0);
            assertThat(tx.bdat()).isTrue();
            assertThat(tx.mailFrom()).isEmpty();
            assertThat(new String(tx.data(), StandardCharsets.US_ASCII)).isEqualTo(".a\r\n\n.\n");
        }
    }

    @Test
    void refusingGreetingAndSlowReplies() throws Exception {
        int port = FreePorts.next();
        SinkScript script = SinkScript.acceptAll().withGreeting("421 4.3.2 busy").withReplyDelay(Duration.ofMillis(300));
        try (SmtpSink sink = SmtpSink.start(port, script, "127.0.0.4");
             Socket socket = new Socket("127.0.0.4", port)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            assertThat(in.readLine()).isEqualTo("421 4.3.2 busy");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
            send(socket.getOutputStream(), "MAIL FROM:<>\r\n");
            assertThat(in.readLine()).startsWith("503 ");
            assertThat(sink.connections()).isEqualTo(1);
        }
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static List<String> readReply(BufferedReader in) throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        String line;
        do {
            line = in.readLine();
            lines.add(line);
        } while (line.charAt(3) == '-');
        return lines;
    }
}
