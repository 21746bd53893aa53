package io.postflow.ingress.session;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** STARTTLS (RFC 3207): buffered plain text dropped, session reset, refused when secure or unavailable. */
class TranscriptStartTlsTest {

    private static final String EHLO_PLAIN = """
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
            S: 250 STARTTLS
            """;

    private final TestEngine engine = new TestEngine();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void commandsPipelinedBehindStartTlsAreDiscarded() {
        new TranscriptRunner(engine).play(EHLO_PLAIN + """
                C: STARTTLS
                C: MAIL FROM:<evil@remote.example>
                C: RCPT TO:<alice@example.test>
                S: 220 2\\.0\\.0 Ready to start TLS
                !tls
                C: RCPT TO:<alice@example.test>
                S: 503 5\\.5\\.1 Send EHLO or HELO first
                C: EHLO client.example
                S: 250-.*
                S: 250-.*
                S: 250-.*
                S: 250-.*
                S: 250-.*
                S: 250-.*
                S: 250-.*
                S: 250-CHUNKING
                S: 250 AUTH PLAIN LOGIN
                C: STARTTLS
                S: 503 5\\.5\\.1 Already using TLS
                """).noMoreReplies();
    }

    @Test
    void authenticationIsForgottenAcrossTls() {
        engine.clientAddress = "127.0.0.1";
        engine.loopback = true;
        new TranscriptRunner(engine).play("""
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
                S: 250-STARTTLS
                S: 250 AUTH PLAIN LOGIN
                C: AUTH PLAIN %s
                S: 235 .*
                C: STARTTLS
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
                S: 250 AUTH PLAIN LOGIN
                C: MAIL FROM:<alice@example.test>
                S: 250 .*
                C: RCPT TO:<friend@remote.example>
                S: 550 5\\.7\\.1 .*
                """.formatted(TranscriptAuthTest.ALICE)).noMoreReplies();
    }

    @Test
    void withoutACertificateStartTlsIsNeitherOfferedNorDone() {
        engine.tlsAvailable = false;
        new TranscriptRunner(engine).play("""
                S: 220 .*
                C: EHLO client.example
                S: 250-.*
                S: 250-.*
                S: 250-.*
                S: 250-.*
                S: 250-.*
                S: 250-.*
                S: 250-.*
                S: 250 CHUNKING
                C: STARTTLS
                S: 454 4\\.7\\.0 TLS not available
                C: NOOP
                S: 250 .*
                """).noMoreReplies();
    }
}
