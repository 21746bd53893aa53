package io.postflow.relay.outbound;

import static io.postflow.relay.outbound.OutboundHarness.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.common.record.MailParameters;
import io.postflow.common.record.Notify;
import io.postflow.common.record.Recipient;
import io.postflow.relay.outbound.RecipientOutcome.Kind;
import io.postflow.testkit.FreePorts;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client's exact dialogue, checked line by line against a transcript (S: sent, C: regex expected). */
class ClientTranscriptTest {

    private static final byte[] DOTTED = "Subject: hi\r\n\r\n.dotted\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SIMPLE = "Subject: hi\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII);

    private static OutboundHarness harness;
    private static int port;

    @BeforeAll
    static void start() {
        port = FreePorts.next();
        harness = new OutboundHarness(port, Map.of("postflow.relay.smtp.idle-timeout", "PT30S"));
        harness.dns.zone().a("piped.test", "127.0.0.50").a("old.test", "127.0.0.51").a("notls.test", "127.0.0.52")
                .a("chunks.test", "127.0.0.53")
                .a("broken.test", "127.0.0.54");
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void pipelinedEnvelopeWithDsnThenReuseWithRset() throws Exception {
        try (TranscriptServer mta = TranscriptServer.start(harness.vertx, "127.0.0.50", port,
                "S: 220 mx.piped.test ESMTP",
                "C: EHLO relay\\.postflow\\.test",
                "S: 250-mx.piped.test",
                "S: 250-PIPELINING",
                "S: 250-SIZE 1000000",
                "S: 250-8BITMIME",
                "S: 250 DSN",
                "C: MAIL FROM:<sender@origin\\.test> SIZE=24 RET=HDRS ENVID=e1",
                "C: RCPT TO:<a@piped\\.test> NOTIFY=NEVER",
                "C: RCPT TO:<b@piped\\.test>",
                "S: 250 2.1.0 ok",
                "S: 250 2.1.5 ok",
                "S: 550 5.1.1 no such user",
                "C: DATA",
                "S: 354 go ahead",
                "C: Subject: hi",
                "C: ",
                "C: \\.\\.dotted",
                "C: \\.",
                "S: 250 2.0.0 queued as 1",
                // the second message reuses the session
                "C: RSET",
                "S: 250 2.0.0 ok",
                "C: MAIL FROM:<sender@origin\\.test> SIZE=22",
                "C: RCPT TO:<c@piped\\.test>",
                "S: 250 2.1.0 ok",
                "S: 451 4.3.0 try later",
                "C: RSET",
                "S: 250 2.0.0 ok")) {
            MailParameters dsn = new MailParameters(null, false, "HDRS", "e1", null);
            OutboundResult first = harness.deliver(request("piped.test", dsn, DOTTED,
                    List.of(new Recipient("a@piped.test", Set.of(Notify.NEVER), null), Recipient.of("b@piped.test"))));
            OutboundResult second = harness.deliver(request("piped.test", SIMPLE, "c@piped.test"));

            assertThat(mta.awaitEnd()).isEmpty();
            assertThat(first.outcomes()).extracting(RecipientOutcome::kind).containsExactly(Kind.DELIVERED, Kind.PERMANENT);
            assertThat(first.outcomes().get(0).diagnostic()).isEqualTo("smtp; 250 2.0.0 queued as 1");
            assertThat(second.outcomes().get(0).kind()).isEqualTo(Kind.TEMPORARY);
            assertThat(second.outcomes().get(0).status()).isEqualTo("4.3.0");
        }
    }

    @Test
    void heloFallbackWithoutPipeliningAndMultiLineRefusal() throws Exception {
        try (TranscriptServer mta = TranscriptServer.start(harness.vertx, "127.0.0.51", port,
                "S: 220 old.test",
                "C: EHLO relay\\.postflow\\.test",
                "S: 500 command unrecognized",
                "C: HELO relay\\.postflow\\.test",
                "S: 250 old.test",
                "C: MAIL FROM:<sender@origin\\.test>",
                "S: 250 ok",
                "C: RCPT TO:<a@old\\.test>",
                "S: 550-no such",
                "S: 550 user here",
                "C: RCPT TO:<b@old\\.test>",
                "S: 250 ok",
                "C: DATA",
                "S: 354 go",
                "C: Subject: hi",
                "C: ",
                "C: hello",
                "C: \\.",
                "S: 250 ok")) {
            OutboundResult result = harness.deliver(request("old.test", SIMPLE, "a@old.test", "b@old.test"));

            assertThat(mta.awaitEnd()).isEmpty();
            assertThat(result.outcomes()).extracting(RecipientOutcome::kind).containsExactly(Kind.PERMANENT, Kind.DELIVERED);
            assertThat(result.outcomes().get(0).status()).isEqualTo("5.1.1");
            assertThat(result.outcomes().get(0).diagnostic()).isEqualTo("smtp; 550 no such user here");
            assertThat(result.outcomes().get(1).status()).isEqualTo("2.0.0");
        }
    }

    @Test
    void refusedStartTlsContinuesInPlainText() throws Exception {
        try (TranscriptServer mta = TranscriptServer.start(harness.vertx, "127.0.0.52", port,
                "S: 220 notls.test",
                "C: EHLO relay\\.postflow\\.test",
                "S: 250-notls.test",
                "S: 250 STARTTLS",
                "C: STARTTLS",
                "S: 454 4.7.0 TLS not available",
                "C: MAIL FROM:<sender@origin\\.test>",
                "S: 250 ok",
                "C: RCPT TO:<a@notls\\.test>",
                "S: 250 ok",
                "C: DATA",
                "S: 354 go",
                "C: Subject: hi",
                "C: ",
                "C: hello",
                "C: \\.",
                "S: 250 ok")) {
            OutboundResult result = harness.deliver(request("notls.test", SIMPLE, "a@notls.test"));

            assertThat(mta.awaitEnd()).isEmpty();
            assertThat(result.outcomes().get(0).kind()).isEqualTo(Kind.DELIVERED);
        }
    }

    @Test
    void chunkingSendsBdatLastWithTheBytesUnstuffed() throws Exception {
        try (TranscriptServer mta = TranscriptServer.start(harness.vertx, "127.0.0.53", port,
                "S: 220 chunks.test",
                "C: EHLO relay\\.postflow\\.test",
                "S: 250-chunks.test",
                "S: 250-PIPELINING",
                "S: 250 CHUNKING",
                "C: MAIL FROM:<sender@origin\\.test>",
                "C: RCPT TO:<a@chunks\\.test>",
                "S: 250 ok",
                "S: 250 ok",
                "C: BDAT 24 LAST",
                "C: Subject: hi",
                "C: ",
                "C: \\.dotted",
                "S: 250 2.0.0 ok")) {
            OutboundResult result = harness.deliver(request("chunks.test", DOTTED, "a@chunks.test"));

            assertThat(mta.awaitEnd()).isEmpty();
            assertThat(result.outcomes().get(0).kind()).isEqualTo(Kind.DELIVERED);
        }
    }

    @Test
    void aConnectionLostInDataLeavesTheAcceptedRecipientsTemporary() throws Exception {
        try (TranscriptServer mta = TranscriptServer.start(harness.vertx, "127.0.0.54", port,
                "S: 220 broken.test",
                "C: EHLO relay\\.postflow\\.test",
                "S: 250 broken.test",
                "C: MAIL FROM:<sender@origin\\.test>",
                "S: 250 ok",
                "C: RCPT TO:<a@broken\\.test>",
                "S: 250 ok",
                "C: RCPT TO:<b@broken\\.test>",
                "S: 550 5.1.1 unknown",
                "C: DATA",
                "S: 354 go",
                "C: Subject: hi",
                "X:")) {
            OutboundResult result = harness.deliver(request("broken.test", SIMPLE, "a@broken.test", "b@broken.test"));

            assertThat(mta.awaitEnd()).isEmpty();
            assertThat(result.outcomes()).extracting(RecipientOutcome::kind).containsExactly(Kind.TEMPORARY, Kind.PERMANENT);
            assertThat(result.outcomes().get(0).status()).isEqualTo("4.4.2");
            assertThat(result.outcomes().get(0).diagnostic()).startsWith("X-Postflow; connection closed by");
            assertThat(result.outcomes().get(1).status()).isEqualTo("5.1.1");
        }
    }
}
