package io.postflow.ingress.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.common.record.Envelope;
import io.postflow.ingress.auth.AuthVerdict;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** AUTH PLAIN and LOGIN (RFC 4954, RFC 4616), the submission rules (RFC 6409) and sender ownership. */
class TranscriptAuthTest {

    /** base64 of "\0alice@example.test\0secret". */
    static final String ALICE = "AGFsaWNlQGV4YW1wbGUudGVzdABzZWNyZXQ=";
    /** base64 of "\0alice@example.test\0wrong". */
    static final String WRONG = "AGFsaWNlQGV4YW1wbGUudGVzdAB3cm9uZw==";

    private static final String EHLO = """
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
            """;

    private final TestEngine engine = new TestEngine();

    @AfterEach
    void close() {
        engine.close();
    }

    private TestEngine submissionFromLoopback() {
        engine.listener = ListenerKind.SUBMISSION;
        engine.clientAddress = "127.0.0.1";
        engine.loopback = true;
        return engine;
    }

    @Test
    void plainTextAuthFromAfarIsRefusedAndSubmissionNeedsAuth() {
        engine.listener = ListenerKind.SUBMISSION;
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
                S: 250 STARTTLS
                C: AUTH PLAIN %s
                S: 538 5\\.7\\.11 .*
                C: MAIL FROM:<alice@example.test>
                S: 530 5\\.7\\.0 Authentication required
                """.formatted(ALICE)).noMoreReplies();
        assertThat(engine.passwords.asked).isEmpty();
    }

    @Test
    void loopbackMayAuthenticateInPlainTextWhenAllowed() {
        submissionFromLoopback().allowPlaintextOnLoopback = false;
        new TranscriptRunner(engine).play("""
                S: 220 .*
                C: HELO client.example
                S: 250 .*
                C: AUTH PLAIN %s
                S: 503 5\\.5\\.1 AUTH needs EHLO first
                """.formatted(ALICE)).noMoreReplies();
    }

    @Test
    void plainWithInitialResponseThenSubmissionWithAddedFields() {
        submissionFromLoopback();
        new TranscriptRunner(engine).play(EHLO + """
                C: AUTH PLAIN %s
                S: 235 2\\.7\\.0 Authentication successful
                C: AUTH PLAIN %s
                S: 503 5\\.5\\.1 Already authenticated
                C: MAIL FROM:<bob@example.test>
                S: 553 5\\.7\\.1 Sender address <bob@example\\.test> not owned by alice@example\\.test
                C: MAIL FROM:<>
                S: 553 5\\.7\\.1 .*
                C: MAIL FROM:<Alice@Example.Test>
                S: 250 2\\.1\\.0 .*
                C: RCPT TO:<friend@remote.example>
                S: 250 2\\.1\\.5 .*
                C: DATA
                S: 354 .*
                C: Subject: x
                C:
                C: hello
                C: .
                S: 250 2\\.0\\.0 .*
                """.formatted(ALICE, ALICE)).noMoreReplies();
        Envelope envelope = engine.spool.records.get(0).envelope();
        assertThat(envelope.authenticatedUser()).isEqualTo("alice@example.test");
        String message = new String(engine.spool.records.get(0).message(), StandardCharsets.UTF_8);
        assertThat(message).contains("with ESMTPA\r\n")
                .containsPattern("\\r\\nDate: Sat, 28 Nov 2026 10:00:00 \\+0000\\r\\nMessage-ID: <" + envelope.traceId()
                        + "@mx\\.postflow\\.test>\\r\\nSubject: x\\r\\n\\r\\nhello\\r\\n$");
        assertThat(engine.passwords.asked).containsExactly("alice@example.test from 127.0.0.1");
    }

    @Test
    void anAliasOfTheAccountIsItsAddressAndPresentFieldsAreLeftAlone() {
        submissionFromLoopback();
        new TranscriptRunner(engine).play(EHLO + """
                C: AUTH PLAIN %s
                S: 235 .*
                C: MAIL FROM:<info@example.test>
                S: 250 2\\.1\\.0 .*
                C: RCPT TO:<bob@example.test>
                S: 250 .*
                C: DATA
                S: 354 .*
                C: date: Fri, 27 Nov 2026 09:00:00 +0000
                C: Message-Id : <x@y>
                C:
                C: .
                S: 250 .*
                """.formatted(ALICE)).noMoreReplies();
        String message = new String(engine.spool.records.get(0).message(), StandardCharsets.UTF_8);
        assertThat(message).endsWith("+0000\r\ndate: Fri, 27 Nov 2026 09:00:00 +0000\r\nMessage-Id : <x@y>\r\n\r\n");
    }

    @Test
    void loginAndPlainWithoutInitialResponse() {
        submissionFromLoopback();
        new TranscriptRunner(engine).play(EHLO + """
                C: AUTH LOGIN
                S: 334 VXNlcm5hbWU6
                C: YWxpY2VAZXhhbXBsZS50ZXN0
                S: 334 UGFzc3dvcmQ6
                C: c2VjcmV0
                S: 235 2\\.7\\.0 .*
                """).noMoreReplies();
        new TranscriptRunner(engine).play(EHLO + """
                C: AUTH PLAIN
                S: 334 \\s*
                C: %s
                S: 235 2\\.7\\.0 .*
                """.formatted(ALICE)).noMoreReplies();
        new TranscriptRunner(engine).play(EHLO + """
                C: AUTH LOGIN YWxpY2VAZXhhbXBsZS50ZXN0
                S: 334 UGFzc3dvcmQ6
                C: c2VjcmV0
                S: 235 2\\.7\\.0 .*
                """).noMoreReplies();
    }

    @Test
    void cancelBadBase64AndUnknownMechanisms() {
        submissionFromLoopback();
        new TranscriptRunner(engine).play(EHLO + """
                C: AUTH LOGIN
                S: 334 .*
                C: *
                S: 501 5\\.7\\.0 Authentication cancelled
                C: AUTH PLAIN
                S: 334 .*
                C: !!!not base64!!!
                S: 501 5\\.5\\.2 .*
                C: AUTH PLAIN YWxpY2U=
                S: 501 5\\.5\\.2 .*
                C: AUTH CRAM-MD5
                S: 504 5\\.5\\.4 .*
                C: NOOP
                S: 250 .*
                """).noMoreReplies();
    }

    @Test
    void wrongPasswordsEndTheSessionAfterTheLimit() {
        submissionFromLoopback();
        new TranscriptRunner(engine).play(EHLO + """
                C: AUTH PLAIN %s
                S: 535 5\\.7\\.8 .*
                C: AUTH LOGIN
                S: 334 .*
                C: YWxpY2VAZXhhbXBsZS50ZXN0
                S: 334 .*
                C: bm9wZQ==
                S: 535 5\\.7\\.8 .*
                C: AUTH PLAIN %s
                S: 421 4\\.7\\.0 Too many authentication failures
                !closed
                """.formatted(WRONG, WRONG)).noMoreReplies();
    }

    @Test
    void anUnavailableOrThrottledCheckIsTemporary() {
        submissionFromLoopback();
        engine.passwords.forced = new AuthVerdict.Unavailable("down");
        TranscriptRunner runner = new TranscriptRunner(engine).play(EHLO + """
                C: AUTH PLAIN %s
                S: 454 4\\.7\\.0 .*
                """.formatted(ALICE));
        engine.passwords.forced = new AuthVerdict.Throttled();
        runner.play("""
                C: AUTH PLAIN %s
                S: 454 4\\.7\\.0 .*
                !open
                """.formatted(ALICE)).noMoreReplies();
    }

    @Test
    void authenticatedOnTheMxPortMayRelay() {
        engine.clientAddress = "::1";
        engine.loopback = true;
        new TranscriptRunner(engine).play(EHLO + """
                C: MAIL FROM:<alice@example.test>
                S: 250 .*
                C: RCPT TO:<friend@remote.example>
                S: 550 5\\.7\\.1 .*
                C: RSET
                S: 250 .*
                C: AUTH PLAIN %s
                S: 235 .*
                C: MAIL FROM:<alice@example.test>
                S: 250 .*
                C: RCPT TO:<friend@remote.example>
                S: 250 2\\.1\\.5 .*
                """.formatted(ALICE)).noMoreReplies();
    }

    @Test
    void implicitTlsAllowsAuthFromAnywhere() {
        engine.listener = ListenerKind.SMTPS;
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
                S: 250 AUTH PLAIN LOGIN
                C: AUTH PLAIN %s
                S: 235 .*
                C: MAIL FROM:<alice@example.test>
                S: 250 .*
                C: RCPT TO:<bob@example.test>
                S: 250 .*
                C: DATA
                S: 354 .*
                C: Date: x
                C: Message-ID: <y@z>
                C:
                C: .
                S: 250 .*
                """.formatted(ALICE)).noMoreReplies();
        String message = new String(engine.spool.records.get(0).message(), StandardCharsets.UTF_8);
        assertThat(message).contains("with ESMTPSA (TLSv1.3 TLS_AES_128_GCM_SHA256)").contains("\r\n\tfor <bob@example.test>;");
        assertThat(engine.spool.records.get(0).envelope().tls()).isEqualTo(FakeConnection.TLS);
    }
}
