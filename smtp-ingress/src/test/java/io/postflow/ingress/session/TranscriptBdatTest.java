package io.postflow.ingress.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** BDAT (RFC 3030): exact octets, chunk by chunk; refused chunks read whole; DATA after BDAT refused. */
class TranscriptBdatTest {

    private static final String OPEN = """
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
    void chunksAreJoinedExactlyAndNoDotStuffingApplies() {
        new TranscriptRunner(engine).play(OPEN + """
                C: BDAT 16
                C~ Subject: x\\r\\n\\r\\n.a
                S: 250 2\\.0\\.0 16 octets received
                C: BDAT 9 LAST
                C~ b\\r\\nQUIT\\r\\n
                S: 250 2\\.0\\.0 Ok: queued as .*
                !records 1
                C: DATA
                S: 503 5\\.5\\.1 Send MAIL first
                """).noMoreReplies();
        String message = new String(engine.spool.records.get(0).message(), StandardCharsets.UTF_8);
        assertThat(message).endsWith("\r\nSubject: x\r\n\r\n.ab\r\nQUIT\r\n");
    }

    @Test
    void dataAfterBdatIsOutOfSequence() {
        new TranscriptRunner(engine).play(OPEN + """
                C: BDAT 5
                C~ hello
                S: 250 .*
                C: DATA
                S: 503 5\\.5\\.1 DATA not allowed after BDAT
                C: RCPT TO:<bob@example.test>
                S: 503 5\\.5\\.1 RCPT not allowed after BDAT
                C: BDAT 2 LAST
                C~ \\r\\n
                S: 250 2\\.0\\.0 Ok: .*
                """).noMoreReplies();
    }

    @Test
    void aChunkOverTheSizeLimitIsReadWholeThenRefused() {
        new TranscriptRunner(engine).play(OPEN + """
                C: BDAT 10003 LAST
                C~ \\x{9995}*q\\r\\nNOOP\\r\\n
                S: 552 5\\.3\\.4 .*
                C: RCPT TO:<alice@example.test>
                S: 503 5\\.5\\.1 Send MAIL first
                """).noMoreReplies();
        assertThat(engine.spool.records).isEmpty();
    }

    @Test
    void bareLineBreaksInChunksRefuseTheMessage() {
        new TranscriptRunner(engine).play(OPEN + """
                C: BDAT 12 LAST
                C~ a\\n.\\nMAIL x\\r\\n
                S: 550 5\\.5\\.2 .*
                """).noMoreReplies();
        assertThat(engine.spool.records).isEmpty();
    }

    @Test
    void anEmptyLastChunkEndsTheMessage() {
        new TranscriptRunner(engine).play(OPEN + """
                C: BDAT 3
                C~ a\\r\\n
                S: 250 .*
                C: BDAT 0 LAST
                S: 250 2\\.0\\.0 Ok: .*
                !records 1
                """).noMoreReplies();
    }
}
