package io.postflow.ingress.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A saturated spool slows the sockets down instead of growing memory: a message that would push
 * the bytes in flight over the cap waits, unanswered, for earlier ones to become durable; while it
 * waits its session reads nothing more, and once the client's pipelined bytes pass the reader's
 * high-water mark the socket itself is paused.
 */
class TranscriptBackpressureTest {

    private static final String OPEN = """
            S: 220 .*
            C: HELO client.example
            S: 250 .*
            C: MAIL FROM:<a@remote.example>
            S: 250 .*
            C: RCPT TO:<alice@example.test>
            S: 250 .*
            C: DATA
            S: 354 .*
            """;

    private final TestEngine engine = new TestEngine();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aMessageOverTheBytesInFlightWaitsWithItsSocketPausedUntilEarlierOnesAreDurable() {
        engine.maxBytesInFlight = 1_500;
        engine.spool.holding = true;
        String body = "C: Subject: x\nC:\nC: \\x{900}*a\nC: .\n";

        TranscriptRunner first = new TranscriptRunner(engine).play(OPEN + body + "!records 1");
        TranscriptRunner second = new TranscriptRunner(engine).play(OPEN + body);
        first.noMoreReplies();
        second.noMoreReplies();
        assertThat(engine.spool.records).as("the second message waits for room, not for the spool").hasSize(1);

        // The second client pipelines on; its bytes pile up only to the reader's high-water mark.
        second.play("C: \\x{5000}*n\nC: NOOP");
        assertThat(second.client().socket().paused()).as("socket paused while the message waits").isTrue();
        second.noMoreReplies();

        engine.spool.release();
        first.play("S: 250 2\\.0\\.0 Ok: queued as .*");
        second.play("!records 2");
        assertThat(second.client().socket().paused()).as("still waiting for its own acknowledgement").isTrue();
        engine.spool.release();
        second.play("""
                S: 250 2\\.0\\.0 Ok: queued as .*
                S: 500 5\\.5\\.6 Line too long
                S: 250 2\\.0\\.0 Ok
                """).noMoreReplies();
        assertThat(second.client().socket().paused()).as("reading again once it caught up").isFalse();
    }
}
