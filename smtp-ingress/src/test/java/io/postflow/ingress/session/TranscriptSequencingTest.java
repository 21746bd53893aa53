package io.postflow.ingress.session;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Commands out of order (503 5.5.1) and lines that are not commands (500/501), RFC 5321 §4.1.4, §4.2.4. */
class TranscriptSequencingTest {

    static final String EHLO = """
            C: EHLO client.example
            S: 250-.*
            S: 250-PIPELINING
            S: 250-SIZE \\d+
            S: 250-8BITMIME
            S: 250-SMTPUTF8
            S: 250-ENHANCEDSTATUSCODES
            S: 250-DSN
            S: 250-CHUNKING
            S: 250 STARTTLS
            """;

    private final TestEngine engine = new TestEngine();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void beforeEhloOnlyTheAlwaysValidCommandsRun() {
        new TranscriptRunner(engine).play("""
                S: 220 .*
                C: MAIL FROM:<a@remote.example>
                S: 503 5\\.5\\.1 Send EHLO or HELO first
                C: RCPT TO:<alice@example.test>
                S: 503 5\\.5\\.1 Send EHLO or HELO first
                C: DATA
                S: 503 5\\.5\\.1 Send EHLO or HELO first
                C: STARTTLS
                S: 503 5\\.5\\.1 Send EHLO or HELO first
                C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
                S: 503 5\\.5\\.1 Send EHLO or HELO first
                C: RSET
                S: 250 2\\.0\\.0 Reset
                C: VRFY alice
                S: 252 2\\.5\\.0 .*
                """).noMoreReplies();
    }

    @Test
    void transactionOrder() {
        new TranscriptRunner(engine).play("S: 220 .*\n" + EHLO + """
                C: RCPT TO:<alice@example.test>
                S: 503 5\\.5\\.1 Send MAIL first
                C: DATA
                S: 503 5\\.5\\.1 Send MAIL first
                C: MAIL FROM:<a@remote.example>
                S: 250 2\\.1\\.0 .*
                C: MAIL FROM:<a@remote.example>
                S: 503 5\\.5\\.1 Nested MAIL command
                C: DATA
                S: 503 5\\.5\\.1 No valid recipients
                C: RCPT TO:<nobody@example.test>
                S: 550 5\\.1\\.1 No such user here: <nobody@example\\.test>
                C: DATA
                S: 503 5\\.5\\.1 No valid recipients
                C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
                S: 503 5\\.5\\.1 Not allowed during a mail transaction
                C: STARTTLS
                S: 503 5\\.5\\.1 Not allowed during a mail transaction
                """ + EHLO + """
                # RFC 5321 §4.1.4: EHLO ended the transaction
                C: RCPT TO:<alice@example.test>
                S: 503 5\\.5\\.1 Send MAIL first
                """).noMoreReplies();
    }

    @Test
    void syntaxErrorsHaveTheirOwnCodes() {
        new TranscriptRunner(engine).play("S: 220 .*\n" + EHLO + """
                C: FROB
                S: 500 5\\.5\\.1 .*
                C: EHLO
                S: 501 5\\.5\\.4 .*
                C: MAIL TO:<a@remote.example>
                S: 501 5\\.5\\.4 .*
                C: MAIL FROM:<not an address>
                S: 501 5\\.1\\.7 .*
                C: MAIL FROM:<a@remote.example>
                S: 250 .*
                C: RCPT TO:<@@>
                S: 501 5\\.1\\.3 .*
                C: RCPT TO:<j\u00f6rg@example.test>
                S: 501 5\\.1\\.3 .*
                C: NOOP\\nRSET
                S: 500 5\\.5\\.2 .*
                C: NOOP\\rRSET
                S: 500 5\\.5\\.2 .*
                C: QUIT now
                S: 501 5\\.5\\.4 .*
                """).noMoreReplies();
    }

    @Test
    void invalidUtf8IsRefused() {
        TranscriptRunner runner = new TranscriptRunner(engine).play("S: 220 .*\n");
        engine.loop.runAndWait(() -> runner.client().socket().feed(io.vertx.core.buffer.Buffer.buffer(
                new byte[] {'H', 'E', 'L', 'O', ' ', (byte) 0xC3, (byte) 0x28, '\r', '\n'})));
        runner.play("""
                S: 500 5\\.5\\.2 Invalid UTF-8 in command line
                C: NOOP
                S: 250 .*
                """).noMoreReplies();
    }

    @Test
    void aRefusedBdatChunkIsReadAndDiscardedNeverExecuted() {
        new TranscriptRunner(engine).play("S: 220 .*\n" + EHLO + """
                # 10 bytes of chunk that look like a command must not run
                C: BDAT 10
                C~ QUIT\\r\\nRSET
                S: 503 5\\.5\\.1 Send MAIL first
                C: NOOP
                S: 250 2\\.0\\.0 Ok
                !open
                """).noMoreReplies();
    }

    @Test
    void anUnparsableBdatClosesBecauseItsChunkCannotBeSkipped() {
        new TranscriptRunner(engine).play("S: 220 .*\n" + EHLO + """
                C: BDAT ten
                S: 501 5\\.5\\.4 .*
                !closed
                """).noMoreReplies();
    }
}
