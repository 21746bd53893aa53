package io.postflow.relay.outbound;

import static io.postflow.relay.outbound.OutboundHarness.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.relay.outbound.RecipientOutcome.Kind;
import io.postflow.testkit.FreePorts;
import io.postflow.testkit.smtp.ReceivedTransaction;
import io.postflow.testkit.smtp.SinkExtension;
import io.postflow.testkit.smtp.SinkScript;
import io.postflow.testkit.smtp.SmtpSink;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bytes a receiving server stores are the bytes we were given: DATA with dot-stuffing (DotStuffer)
 * and BDAT in several chunks, with dot lines, bare CR/LF before dots, 998-octet lines and more than
 * 10 MiB. The sink is strict (lines end only at CRLF), so it shows what a strict receiver keeps.
 */
class WireFidelityTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static OutboundHarness harness;
    private static int port;

    @BeforeAll
    static void start() {
        port = FreePorts.next();
        // Small BDAT chunks so a message needs several.
        harness = new OutboundHarness(port, Map.of("postflow.relay.smtp.chunk-size", "65536"));
        harness.dns.zone().a("data.test", "127.0.0.30").a("bdat.test", "127.0.0.31");
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    private static byte[] tricky() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("Subject: dots\r\n\r\n"
                + ".leading dot\r\n"
                + "..two dots\r\n"
                + ".\r\n"
                + "..\r\n"
                + "bare LF\n.after a bare LF\r\n"
                + "bare CR\r.after a bare CR\r\n"
                + "LF then CRLF-dot\n\r\n.x\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] longLine = new byte[998];
        Arrays.fill(longLine, (byte) 'x');
        longLine[0] = '.';
        out.writeBytes(longLine);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        Arrays.fill(longLine, (byte) 'y');
        out.writeBytes(longLine);
        out.writeBytes("\r\nend\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** More than 10 MiB of lines, every 97th one starting with a dot. */
    private static byte[] large() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(11 << 20);
        out.writeBytes("Subject: large\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; out.size() <= 10 * 1024 * 1024 + 4096; i++) {
            String line = (i % 97 == 0 ? "." : "") + "line " + i + " " + "abcdefghij".repeat(7) + "\r\n";
            out.writeBytes(line.getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    /**
     * What a CRLF-only receiver keeps after DATA: everything as given, except that a dot after a bare
     * CR or LF arrives doubled, because DotStuffer stuffs after CR, LF and CRLF alike (anti-smuggling)
     * while such a receiver removes only dots after CRLF.
     */
    private static byte[] keptByStrictReceiverAfterData(byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 16);
        for (int i = 0; i < message.length; i++) {
            boolean afterBareLf = i >= 1 && message[i - 1] == '\n' && (i < 2 || message[i - 2] != '\r');
            boolean afterBareCr = i >= 1 && message[i - 1] == '\r';
            if (message[i] == '.' && (afterBareLf || afterBareCr)) {
                out.write('.');
            }
            out.write(message[i]);
        }
        return out.toByteArray();
    }

    @Test
    void dataKeepsEveryCrlfLineByteForByte() throws Exception {
        byte[] message = tricky();
        try (SmtpSink sink = SmtpSink.start(port, SinkScript.acceptAll(), "127.0.0.30")) {
            assertThat(harness.deliver(request("data.test", message, "a@data.test")).outcomes().get(0).kind())
                    .isEqualTo(Kind.DELIVERED);

            ReceivedTransaction tx = sink.awaitTransactions(1, WAIT).get(0);
            assertThat(tx.bdat()).isFalse();
            assertThat(tx.data()).isEqualTo(keptByStrictReceiverAfterData(message));
            // Only the two dots after a bare CR/LF differ.
            assertThat(tx.data().length).isEqualTo(message.length + 2);
        }
    }

    @Test
    void bdatKeepsEveryByte() throws Exception {
        byte[] message = tricky();
        SinkScript chunking = SinkScript.acceptAll().withExtensions(EnumSet.of(SinkExtension.CHUNKING,
                SinkExtension.PIPELINING, SinkExtension.EIGHTBITMIME));
        try (SmtpSink sink = SmtpSink.start(port, chunking, "127.0.0.31")) {
            harness.deliver(request("bdat.test", message, "a@bdat.test"));

            ReceivedTransaction tx = sink.awaitTransactions(1, WAIT).get(0);
            assertThat(tx.bdat()).isTrue();
            assertThat(tx.data()).isEqualTo(message);
        }
    }

    @Test
    void moreThanTenMebibytesArriveIntactByDataAndByBdat() throws Exception {
        byte[] message = large();
        assertThat(message.length).isGreaterThan(10 * 1024 * 1024);
        SinkScript chunking = SinkScript.acceptAll().withExtensions(EnumSet.of(SinkExtension.CHUNKING));
        try (SmtpSink data = SmtpSink.start(port, SinkScript.acceptAll().withSize(20L << 20), "127.0.0.30");
             SmtpSink bdat = SmtpSink.start(port, chunking, "127.0.0.31")) {
            assertThat(harness.deliver(request("data.test", message, "a@data.test")).outcomes().get(0).kind())
                    .isEqualTo(Kind.DELIVERED);
            assertThat(harness.deliver(request("bdat.test", message, "a@bdat.test")).outcomes().get(0).kind())
                    .isEqualTo(Kind.DELIVERED);

            assertThat(data.awaitTransactions(1, WAIT).get(0).data()).isEqualTo(message);
            ReceivedTransaction chunked = bdat.awaitTransactions(1, WAIT).get(0);
            assertThat(chunked.bdat()).isTrue();
            assertThat(chunked.data()).isEqualTo(message);
        }
    }

    @Test
    void aMessageWithoutFinalCrlfGetsOneAtTheEndOfData() throws Exception {
        byte[] message = "Subject: x\r\n\r\nno final line end".getBytes(StandardCharsets.US_ASCII);
        try (SmtpSink sink = SmtpSink.start(port, SinkScript.acceptAll(), "127.0.0.30")) {
            harness.deliver(request("data.test", message, "a@data.test"));

            // RFC 5321 §4.1.1.4: the data must end in CRLF before the dot; nothing else changes.
            assertThat(sink.awaitTransactions(1, WAIT).get(0).data())
                    .isEqualTo("Subject: x\r\n\r\nno final line end\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }
}
