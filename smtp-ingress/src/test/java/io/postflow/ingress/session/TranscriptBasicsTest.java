package io.postflow.ingress.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.common.record.Envelope;
import io.postflow.common.record.MailRecord;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every command once, in a well-behaved session on the MX port. */
class TranscriptBasicsTest {

    private final TestEngine engine = new TestEngine();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void ehloListsTheExtensionsInOrder() {
        new TranscriptRunner(engine).play("""
                S: 220 mx\\.postflow\\.test ESMTP Postflow
                C: EHLO client.example
                S: 250-mx\\.postflow\\.test Hello client\\.example \\[192\\.0\\.2\\.7\\]
                S: 250-PIPELINING
                S: 250-SIZE 10000
                S: 250-8BITMIME
                S: 250-SMTPUTF8
                S: 250-ENHANCEDSTATUSCODES
                S: 250-DSN
                S: 250-CHUNKING
                S: 250 STARTTLS
                """).noMoreReplies();
    }

    @Test
    void heloThenAWholeTransactionEndsInTheSpool() {
        TranscriptRunner runner = new TranscriptRunner(engine).play("""
                S: 220 .*
                C: HELO client.example
                S: 250 mx\\.postflow\\.test
                C: MAIL FROM:<sender@remote.example>
                S: 250 2\\.1\\.0 .*
                C: RCPT TO:<alice@example.test>
                S: 250 2\\.1\\.5 .*
                C: DATA
                S: 354 End data with <CR><LF>\\.<CR><LF>
                C: Subject: hi
                C:
                C: ..leading dot
                C: .
                S: 250 2\\.0\\.0 Ok: queued as [A-Za-z0-9_-]{22}
                !records 1
                C: QUIT
                S: 221 2\\.0\\.0 Bye
                !closed
                """);
        runner.noMoreReplies();
        MailRecord record = engine.spool.records.get(0);
        String message = new String(record.message(), StandardCharsets.UTF_8);
        assertThat(message).startsWith("Received: from client.example (unknown [192.0.2.7])\r\n\tby mx.postflow.test (Postflow) with SMTP\r\n");
        assertThat(message).endsWith("\r\nSubject: hi\r\n\r\n.leading dot\r\n");
        Envelope envelope = record.envelope();
        assertThat(envelope.mailFrom()).isEqualTo("sender@remote.example");
        assertThat(envelope.recipients()).extracting(r -> r.address()).containsExactly("alice@example.test");
        assertThat(envelope.clientAddress()).isEqualTo("192.0.2.7");
        assertThat(envelope.clientHelo()).isEqualTo("client.example");
        assertThat(envelope.authenticatedUser()).isNull();
        assertThat(envelope.tls()).isNull();
        assertThat(envelope.receivedAt()).isEqualTo(TestEngine.NOW);
        assertThat(runner.client().connection().lines().get(runner.client().connection().lines().size() - 2))
                .endsWith(envelope.traceId());
    }

    @Test
    void noopRsetVrfyExpnHelp() {
        new TranscriptRunner(engine).play("""
                S: 220 .*
                C: NOOP
                S: 250 2\\.0\\.0 Ok
                C: EHLO client.example
                S: 250-.*
                S: 250-.*
                S: 250-.*
                S: 250-.*
                S: 250-.*
                S: 250-.*
                S: 250-.*
                S: 250-.*
                S: 250 STARTTLS
                C: MAIL FROM:<a@remote.example>
                S: 250 2\\.1\\.0 .*
                C: RSET
                S: 250 2\\.0\\.0 Reset
                C: RCPT TO:<alice@example.test>
                S: 503 5\\.5\\.1 Send MAIL first
                C: VRFY alice
                S: 252 2\\.5\\.0 .*
                C: EXPN staff
                S: 502 5\\.5\\.1 .*
                C: HELP
                S: 214-2\\.0\\.0 Commands: .*
                S: 214 2\\.0\\.0 .*
                C: NOOP ignored argument
                S: 250 2\\.0\\.0 Ok
                """).noMoreReplies();
    }
}
