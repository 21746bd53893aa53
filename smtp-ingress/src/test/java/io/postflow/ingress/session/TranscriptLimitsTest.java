package io.postflow.ingress.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Command line length, the RFC 5321 §4.5.3.2 timeouts, and shutdown. */
class TranscriptLimitsTest {

    private static final String MAIL = """
            S: 220 .*
            C: HELO client.example
            S: 250 .*
            C: MAIL FROM:<a@remote.example>
            S: 250 .*
            C: RCPT TO:<alice@example.test>
            S: 250 .*
            """;

    private final TestEngine engine = new TestEngine();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void anOverlongCommandLineIsRefusedAndTheSessionGoesOn() {
        // 512 allowed here: 600 is over the command limit, 3000 over the reader's as well.
        new TranscriptRunner(engine).play("""
                S: 220 .*
                C: NOOP \\x{600}*a
                S: 500 5\\.5\\.6 Line too long
                C: NOOP \\x{3000}*b
                S: 500 5\\.5\\.6 Line too long
                C: NOOP \\x{500}*c
                S: 250 2\\.0\\.0 Ok
                """).noMoreReplies();
    }

    @Test
    void aSilentClientIsDisconnectedAfterTheCommandTimeout() {
        new TranscriptRunner(engine).play("""
                S: 220 .*
                !advance PT4M59S
                C: NOOP
                S: 250 .*
                !advance PT4M59S
                !open
                !advance PT1S
                S: 421 4\\.4\\.2 .*
                !closed
                """).noMoreReplies();
    }

    @Test
    void dataStallsEndAfterTheBlockTimeout() {
        new TranscriptRunner(engine).play(MAIL + """
                C: DATA
                S: 354 .*
                C: line
                !advance PT2M59S
                C: line
                !advance PT3M
                S: 421 4\\.4\\.2 .*
                !closed
                """).noMoreReplies();
        assertThat(engine.spool.records).isEmpty();
    }

    @Test
    void aTricklingDataPhaseEndsAfterTheTerminationTimeout() {
        StringBuilder script = new StringBuilder(MAIL + "C: DATA\nS: 354 .*\n");
        for (int i = 0; i < 5; i++) {
            script.append("C: line\n!advance PT2M\n");
        }
        script.append("S: 421 4\\.4\\.2 .*\n!closed\n");
        new TranscriptRunner(engine).play(script.toString()).noMoreReplies();
    }

    @Test
    void aStalledBdatChunkEndsAfterTheBlockTimeout() {
        new TranscriptRunner(engine).play(MAIL + """
                C: BDAT 100
                C~ only part
                !advance PT3M
                S: 421 4\\.4\\.2 .*
                !closed
                """).noMoreReplies();
    }

    @Test
    void shutdownSays421ToAnOpenSession() {
        TranscriptRunner runner = new TranscriptRunner(engine).play(MAIL);
        engine.loop.runAndWait(() -> runner.client().session().shutdown());
        runner.play("""
                S: 421 4\\.3\\.2 Service shutting down, try again later
                !closed
                """).noMoreReplies();
        assertThat(engine.loop.pendingTimers()).isZero();
    }
}
