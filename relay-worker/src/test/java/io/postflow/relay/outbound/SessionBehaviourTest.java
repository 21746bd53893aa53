package io.postflow.relay.outbound;

import static io.postflow.relay.outbound.OutboundHarness.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.relay.outbound.RecipientOutcome.Kind;
import io.postflow.testkit.FreePorts;
import io.postflow.testkit.smtp.SinkScript;
import io.postflow.testkit.smtp.SmtpSink;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Session pool, per-domain limit, idle close and client timeouts, with short settings. */
class SessionBehaviourTest {

    private static final byte[] SIMPLE = "Subject: hi\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII);

    private static OutboundHarness harness;
    private static int port;

    @BeforeAll
    static void start() {
        port = FreePorts.next();
        harness = new OutboundHarness(port, Map.of(
                "postflow.relay.max-connections-per-domain", "2",
                "postflow.relay.smtp.max-transactions-per-connection", "10",
                "postflow.relay.smtp.idle-timeout", "PT2S",
                "postflow.relay.smtp.greeting-timeout", "PT1.5S",
                "postflow.relay.smtp.data-termination-timeout", "PT1.5S"));
        harness.dns.zone().a("limit.test", "127.0.0.40").a("idle.test", "127.0.0.41").a("slow.test", "127.0.0.42")
                .a("slowdot.test", "127.0.0.43")
                .a("turnover.test", "127.0.0.44");
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void noMoreThanTheLimitOfSessionsPerDomain() throws Exception {
        try (SmtpSink sink = SmtpSink.start(port, SinkScript.acceptAll().withReplyDelay(Duration.ofMillis(20)), "127.0.0.40")) {
            List<Future<OutboundResult>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attempts.add(harness.transport.deliver(request("limit.test", SIMPLE, "r" + i + "@limit.test")));
            }
            Future.all(attempts).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

            assertThat(attempts).allSatisfy(a -> assertThat(a.result().outcomes().get(0).kind()).isEqualTo(Kind.DELIVERED));
            assertThat(sink.awaitTransactions(8, Duration.ofSeconds(10))).hasSize(8);
            assertThat(sink.mostConcurrentConnections()).isEqualTo(2);
            assertThat(sink.connections()).isEqualTo(2); // waiters were handed the sessions, not new ones
        }
    }

    @Test
    void aRetiredSessionHoldsItsSlotUntilItIsClosed() throws Exception {
        // Sessions retire after 10 transactions; their replacements must not open while they QUIT.
        try (SmtpSink sink = SmtpSink.start(port, SinkScript.acceptAll().withReplyDelay(Duration.ofMillis(20)), "127.0.0.44")) {
            List<Future<OutboundResult>> attempts = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                attempts.add(harness.transport.deliver(request("turnover.test", SIMPLE, "r" + i + "@turnover.test")));
            }
            Future.all(attempts).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);

            assertThat(sink.awaitTransactions(30, Duration.ofSeconds(10))).hasSize(30);
            assertThat(sink.connections()).as("sessions were retired and replaced").isGreaterThan(2);
            assertThat(sink.mostConcurrentConnections()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void idleSessionsAreClosedAfterTheIdleTimeout() throws Exception {
        try (SmtpSink sink = SmtpSink.start(port, SinkScript.acceptAll(), "127.0.0.41")) {
            harness.deliver(request("idle.test", SIMPLE, "a@idle.test"));
            assertThat(sink.openConnections()).isEqualTo(1);

            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (sink.openConnections() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(sink.openConnections()).isZero();
            harness.deliver(request("idle.test", SIMPLE, "b@idle.test"));
            assertThat(sink.connections()).isEqualTo(2);
        }
    }

    @Test
    void aServerSlowerThanTheGreetingTimeoutIsSkipped() throws Exception {
        try (SmtpSink sink = SmtpSink.start(port, SinkScript.acceptAll().withReplyDelay(Duration.ofSeconds(4)), "127.0.0.42")) {
            RecipientOutcome outcome = harness.deliver(request("slow.test", SIMPLE, "a@slow.test")).outcomes().get(0);

            assertThat(outcome.kind()).isEqualTo(Kind.TEMPORARY);
            assertThat(outcome.status()).isEqualTo("4.4.1");
            assertThat(outcome.diagnostic()).contains("no reply from").contains("127.0.0.42");
        }
    }

    @Test
    void noReplyToTheFinalDotInTimeIsTemporary() throws Exception {
        SinkScript slowDot = SinkScript.acceptAll().withDataReplyDelay(Duration.ofSeconds(4));
        try (SmtpSink sink = SmtpSink.start(port, slowDot, "127.0.0.43")) {
            RecipientOutcome outcome = harness.deliver(request("slowdot.test", SIMPLE, "a@slowdot.test")).outcomes().get(0);

            assertThat(outcome.kind()).isEqualTo(Kind.TEMPORARY);
            assertThat(outcome.status()).isEqualTo("4.4.7");
            assertThat(outcome.diagnostic()).startsWith("X-Postflow; no reply from");
            assertThat(outcome.remoteMta()).isEqualTo("slowdot.test");
        }
    }
}
