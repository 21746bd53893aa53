package io.postflow.ingress.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DATA: the end is CRLF.CRLF only; smuggling sequences never end a message or start a command;
 * line and size limits are judged at the end with the session still in step.
 */
class TranscriptDataTest {

    private static final String OPEN = """
            S: 220 .*
            C: EHLO client.example
            S: 250-.*
            S: 250-.*
            S: 250-.*
            S: 250-.*
            S: 250-.*
            S: 250-.*
            S: 250-.*
            S: 250-.*
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

    private String body() {
        String message = new String(engine.spool.records.get(0).message(), StandardCharsets.UTF_8);
        return message.substring(message.indexOf("\r\n\r\n") - "Subject: x".length());
    }

    /** MX TestSmuggle / RFC 5321 §2.3.8: each fake end is data, the message is refused at the real end. */
    @ParameterizedTest
    @ValueSource(strings = {"\\n.\\n", "\\r.\\r", "\\n.\\r\\n", "\\r\\n.\\n"})
    void smugglingSequencesNeverEndTheDataNorStartACommand(String fakeEnd) {
        new TranscriptRunner(engine).play(OPEN
                + "C~ Subject: x\\r\\n\\r\\nfirst" + fakeEnd + "MAIL FROM:<evil@remote.example>\\r\\nRCPT TO:<bob@example.test>\\r\\nDATA\\r\\n\n"
                + """
                C: smuggled
                C: .
                S: 550 5\\.5\\.2 Bare CR or LF .*
                !records 0
                C: NOOP
                S: 250 2\\.0\\.0 Ok
                """).noMoreReplies();
        assertThat(engine.spool.records).isEmpty();
    }

    @Test
    void eightBitTextAndTheLongestLegalLineArriveExactly() {
        String line998 = "x".repeat(998);
        new TranscriptRunner(engine).play(OPEN + """
                C: Subject: x
                C:
                C: gr\u00fc\u00dfe aus K\u00f6ln \u2014 \ud83d\udce8
                C: \\x{998}*x
                C: ...two dots
                C: .
                S: 250 2\\.0\\.0 .*
                """).noMoreReplies();
        assertThat(body()).isEqualTo("Subject: x\r\n\r\ngr\u00fc\u00dfe aus K\u00f6ln \u2014 \ud83d\udce8\r\n" + line998 + "\r\n..two dots\r\n");
    }

    @Test
    void aLineOf999OctetsRefusesTheMessageAtItsEnd() {
        new TranscriptRunner(engine).play(OPEN + """
                C: Subject: x
                C:
                C: \\x{999}*y
                C: .
                S: 550 5\\.5\\.6 .*
                C: RSET
                S: 250 .*
                """).noMoreReplies();
    }

    @Test
    void aLineOverTheReaderLimitIsDroppedAndTheSessionStaysInStep() {
        new TranscriptRunner(engine).play(OPEN + """
                C: \\x{5000}*z
                C: next line
                C: .
                S: 550 5\\.5\\.6 .*
                C: NOOP
                S: 250 2\\.0\\.0 Ok
                """).noMoreReplies();
    }

    @Test
    void anOversizedMessageIsReadToItsEndThenRefusedWith552() {
        StringBuilder script = new StringBuilder(OPEN);
        for (int i = 0; i < 120; i++) {
            script.append("C: ").append("line ").append(i).append(' ').append("a".repeat(100)).append('\n');
        }
        script.append("""
                C: QUIT
                C: .
                S: 552 5\\.3\\.4 .*
                !open
                C: MAIL FROM:<a@remote.example>
                S: 250 .*
                """);
        new TranscriptRunner(engine).play(script.toString()).noMoreReplies();
        assertThat(engine.spool.records).isEmpty();
    }

    @Test
    void whenTheSpoolFailsTheAnswerIs451AndNever250() {
        engine.spool.down = true;
        new TranscriptRunner(engine).play(OPEN + """
                C: Subject: x
                C:
                C: body
                C: .
                S: 451 4\\.3\\.0 .*
                C: MAIL FROM:<a@remote.example>
                S: 250 .*
                """).noMoreReplies();
        assertThat(engine.spool.records).isEmpty();
    }

    @Test
    void pipelinedTransactionsAreAnsweredInOrder() {
        new TranscriptRunner(engine).play(OPEN + """
                C: one
                C: .
                C: MAIL FROM:<a@remote.example>
                C: RCPT TO:<nobody@example.test>
                C: RCPT TO:<bob@example.test>
                C: DATA
                C: two
                C: .
                C: QUIT
                S: 250 2\\.0\\.0 Ok: queued as .*
                S: 250 2\\.1\\.0 .*
                S: 550 5\\.1\\.1 .*
                S: 250 2\\.1\\.5 .*
                S: 354 .*
                S: 250 2\\.0\\.0 Ok: queued as .*
                S: 221 .*
                !closed
                !records 2
                """).noMoreReplies();
    }
}
