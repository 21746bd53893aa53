package io.postflow.relay.delivery;

import static io.postflow.relay.support.Directories.account;
import static io.postflow.relay.support.Directories.alias;
import static io.postflow.relay.support.Directories.domain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.postflow.common.record.Envelope;
import io.postflow.common.record.MailParameters;
import io.postflow.common.record.MailRecord;
import io.postflow.common.record.Notify;
import io.postflow.common.record.Recipient;
import io.postflow.common.status.DeliveryStatus;
import io.postflow.common.status.DeliveryStatus.Outcome;
import io.postflow.relay.dsn.DsnBuilder;
import io.postflow.relay.outbound.OutboundRequest;
import io.postflow.relay.retry.RetrySchedule;
import io.postflow.relay.retry.RetryState;
import io.postflow.relay.routing.AliasExpander;
import io.postflow.relay.routing.Router;
import io.postflow.relay.support.Directories;
import io.postflow.relay.support.DsnParser;
import io.postflow.relay.support.ScriptedTransport;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RelayProcessorTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-20T08:00:00Z");
    private static final byte[] MESSAGE = "Received: from a by b; x\r\nSubject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ScriptedTransport transport = new ScriptedTransport();
    private final RecordingOutput output = new RecordingOutput();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RetrySchedule schedule = new RetrySchedule(
            List.of(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(6)),
            List.of("1m", "10m", "1h", "6h"), Duration.ofDays(5), Duration.ofHours(4));
    private Instant now = RECEIVED.plusSeconds(1);

    private RelayProcessor processor() {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        Router router = new Router(new AliasExpander(Directories.of(domain("example.test"), account("alice@example.test"),
                account("bob@example.test"), alias("team@example.test", "alice@example.test", "bob@example.test", "carol@remote.test")),
                10), 100);
        return new RelayProcessor(router, transport, output, new DsnBuilder("relay.test"), schedule, clock, new RelayMetrics(registry), Runnable::run);
    }

    private static Envelope envelope(String sender, Recipient... recipients) {
        return Envelope.of("trace-1", sender, MailParameters.NONE, List.of(recipients), "192.0.2.1", "client", null, null, RECEIVED);
    }

    private void process(Envelope envelope, RetryState state) {
        processor().process(envelope, MESSAGE, state).toCompletableFuture().join();
    }

    @Test
    void localAccountsInOneRecordAndRemoteRecipientsPerDomain() {
        process(envelope("sender@origin.test", Recipient.of("team@example.test"), Recipient.of("alice@example.test"),
                Recipient.of("dave@remote.test"), Recipient.of("erin@other.test")), RetryState.fresh());

        assertThat(output.delivered).singleElement().satisfies(m -> {
            assertThat(m.envelope().traceId()).isEqualTo("trace-1");
            assertThat(m.envelope().recipients()).extracting(Recipient::address).containsExactly("alice@example.test", "bob@example.test");
            assertThat(m.message()).isSameAs(MESSAGE);
        });
        assertThat(transport.requests()).extracting(OutboundRequest::domain).containsExactly("remote.test", "other.test");
        assertThat(transport.requests().get(0).recipients()).extracting(Recipient::address)
                .containsExactly("carol@remote.test", "dave@remote.test");
        assertThat(transport.requests().get(0).mailFrom()).isEqualTo("sender@origin.test");
        // mailbox-service reports the local outcomes itself; the relay reports the remote ones.
        assertThat(output.statuses).extracting(s -> s.recipient() + " " + s.outcome() + " " + s.status())
                .containsExactlyInAnyOrder("carol@remote.test DELIVERED 2.0.0", "dave@remote.test DELIVERED 2.0.0",
                        "erin@other.test DELIVERED 2.0.0");
        assertThat(output.statuses.get(0).detail()).isEqualTo("smtp; 250 2.0.0 queued as 4711");
        assertThat(output.submitted).isEmpty();
        assertThat(output.retries).isEmpty();
        assertThat(registry.get("postflow.relay.routed").tag("destination", "local").counter().count()).isEqualTo(2);
        assertThat(registry.get("postflow.relay.routed").tag("destination", "remote").counter().count()).isEqualTo(3);
    }

    @Test
    void temporaryFailureRetriesOnlyThePendingRecipientsInTheNextTier() {
        transport.answer("dave@remote.test", ScriptedTransport.temporary("4.2.0", "451 4.2.0 try later"));
        process(envelope("sender@origin.test", Recipient.of("dave@remote.test"), Recipient.of("erin@remote.test")), RetryState.fresh());

        assertThat(output.retries).singleElement().satisfies(r -> {
            assertThat(r.tier()).isEqualTo("mail.retry.1m");
            assertThat(r.envelope().recipients()).extracting(Recipient::address).containsExactly("dave@remote.test");
            assertThat(r.envelope().receivedAt()).isEqualTo(RECEIVED);
            assertThat(r.state().attempts()).isEqualTo(1);
            assertThat(r.state().dueAt()).isEqualTo(now.plus(Duration.ofMinutes(1)));
            assertThat(r.state().lastFailures().get("dave@remote.test").diagnostic()).isEqualTo("smtp; 451 4.2.0 try later");
        });
        assertThat(output.statuses).extracting(s -> s.recipient() + " " + s.outcome() + " " + s.status())
                .containsExactlyInAnyOrder("dave@remote.test DEFERRED 4.2.0", "erin@remote.test DELIVERED 2.0.0");
        assertThat(output.submitted).as("no delay DSN before 4 hours").isEmpty();

        output.retries.clear();
        process(envelope("sender@origin.test", Recipient.of("dave@remote.test")), new RetryState(1, now, Set.of(), Map.of()));
        assertThat(output.retries).singleElement().satisfies(r -> {
            assertThat(r.tier()).isEqualTo("mail.retry.10m");
            assertThat(r.state().attempts()).isEqualTo(2);
        });
        assertThat(registry.get("postflow.relay.deferred").counter().count()).isEqualTo(2);
    }

    @Test
    void permanentFailureBouncesToTheSenderWithTheNullReversePath() {
        transport.answer("dave@remote.test", ScriptedTransport.permanent("5.1.1", "550 5.1.1 no such user"));
        process(envelope("sender@origin.test", Recipient.of("dave@remote.test")), RetryState.fresh());

        MailRecord dsn = new MailRecord(output.submitted.get(0).envelope(), output.submitted.get(0).message());
        assertThat(output.submitted).hasSize(1);
        assertThat(dsn.envelope().mailFrom()).isEmpty();
        assertThat(dsn.envelope().recipients()).extracting(Recipient::address).containsExactly("sender@origin.test");
        DsnParser p = new DsnParser(dsn.message());
        assertThat(p.field(1, "Final-Recipient")).isEqualTo("rfc822; dave@remote.test");
        assertThat(p.field(1, "Status")).isEqualTo("5.1.1");
        assertThat(p.field(1, "Diagnostic-Code")).isEqualTo("smtp; 550 5.1.1 no such user");
        assertThat(p.field(1, "Remote-MTA")).isEqualTo("dns; mx1.sink.test");
        assertThat(output.statuses).extracting(DeliveryStatus::outcome).containsExactly(Outcome.FAILED);
        assertThat(output.retries).isEmpty();
        assertThat(registry.get("postflow.relay.bounced").counter().count()).isEqualTo(1);
    }

    @Test
    void nullSenderFailureIsReportedButNeverBounced() {
        transport.answer("dave@remote.test", ScriptedTransport.permanent("5.1.1", "550 5.1.1 no such user"));
        process(envelope("", Recipient.of("dave@remote.test"), Recipient.of("ghost@example.test")), RetryState.fresh());
        assertThat(output.submitted).isEmpty();
        assertThat(output.statuses).extracting(s -> s.recipient() + " " + s.status())
                .containsExactlyInAnyOrder("dave@remote.test 5.1.1", "ghost@example.test 5.1.1");
    }

    @Test
    void notifyNeverSilencesTheBounceAndNotifySuccessAsksForSuccessReports() {
        transport.answer("dave@remote.test", ScriptedTransport.permanent("5.1.1", "550 5.1.1 no such user"));
        process(envelope("sender@origin.test", new Recipient("dave@remote.test", Set.of(Notify.NEVER), null),
                new Recipient("erin@remote.test", Set.of(Notify.SUCCESS), "rfc822;erin@remote.test"),
                new Recipient("alice@example.test", Set.of(Notify.SUCCESS, Notify.FAILURE), null)), RetryState.fresh());

        assertThat(output.submitted).singleElement().satisfies(m -> {
            DsnParser p = new DsnParser(m.message());
            assertThat(p.message.getSubject()).isEqualTo("Successful Mail Delivery Report");
            assertThat(p.statusGroups).hasSize(3);
            // Local outcomes are known first (the hand-off), then the remote ones.
            assertThat(p.field(1, "Final-Recipient")).isEqualTo("rfc822; alice@example.test");
            assertThat(p.field(1, "Action")).isEqualTo("delivered");
            assertThat(p.field(2, "Final-Recipient")).isEqualTo("rfc822; erin@remote.test");
            assertThat(p.field(2, "Original-Recipient")).isEqualTo("rfc822; erin@remote.test");
            assertThat(p.field(2, "Action")).isEqualTo("relayed");
        });
    }

    @Test
    void unroutableLocalRecipientAndLoopBounceAtOnce() {
        byte[] looping = ("Received: x\r\n".repeat(101) + "\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);
        processor().process(envelope("sender@origin.test", Recipient.of("alice@example.test")), looping, RetryState.fresh())
                .toCompletableFuture().join();
        assertThat(output.delivered).isEmpty();
        DsnParser p = new DsnParser(output.submitted.get(0).message());
        assertThat(p.field(1, "Status")).isEqualTo("5.4.6");
        assertThat(p.field(1, "Diagnostic-Code")).startsWith("X-Postflow; mail loop: 101 Received");
    }

    @Test
    void delayNoticeOnceAfterFourHoursThenExpiryAfterTheLifetime() {
        transport.answer("dave@remote.test", ScriptedTransport.temporary("4.4.1", "421 4.4.1 busy"));
        Envelope env = envelope("sender@origin.test", Recipient.of("dave@remote.test"));

        now = RECEIVED.plus(Duration.ofHours(4));
        process(env, new RetryState(3, now, Set.of(), Map.of()));
        assertThat(output.submitted).singleElement().satisfies(m -> {
            DsnParser p = new DsnParser(m.message());
            assertThat(p.field(1, "Action")).isEqualTo("delayed");
            assertThat(p.field(1, "Status")).isEqualTo("4.4.1");
            assertThat(p.field(1, "Will-Retry-Until")).isEqualTo("Wed, 25 Nov 2026 08:00:00 +0000");
        });
        RetryState afterNotice = output.retries.get(0).state();
        assertThat(afterNotice.delayNotified()).containsExactly("dave@remote.test");

        output.submitted.clear();
        now = now.plus(Duration.ofHours(1));
        process(env, afterNotice);
        assertThat(output.submitted).as("the delay DSN is sent once").isEmpty();

        int requestsBefore = transport.requests().size();
        now = RECEIVED.plus(Duration.ofDays(5));
        process(env, output.retries.get(1).state());
        assertThat(transport.requests()).as("an expired message is not tried again").hasSize(requestsBefore);
        DsnParser p = new DsnParser(output.submitted.get(0).message());
        assertThat(p.field(1, "Action")).isEqualTo("failed");
        assertThat(p.field(1, "Status")).isEqualTo("4.4.7");
        assertThat(p.field(1, "Diagnostic-Code")).isEqualTo("smtp; 421 4.4.1 busy");
        assertThat(output.statuses.get(output.statuses.size() - 1)).satisfies(s -> {
            assertThat(s.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(s.status()).isEqualTo("5.4.7");
        });
    }

    @Test
    void noDelayNoticeWithoutNotifyDelay() {
        transport.answer("dave@remote.test", ScriptedTransport.temporary("4.4.1", "421 4.4.1 busy"));
        now = RECEIVED.plus(Duration.ofHours(5));
        process(envelope("sender@origin.test", new Recipient("dave@remote.test", Set.of(Notify.FAILURE), null)), RetryState.fresh());
        assertThat(output.submitted).isEmpty();
        assertThat(output.retries).hasSize(1);
    }

    @Test
    void localFailureReportedByMailboxServiceIsBouncedWithoutASecondStatus() {
        Envelope delivered = envelope("sender@origin.test", new Recipient("alice@example.test", Set.of(), "rfc822;team@example.test"),
                Recipient.of("bob@example.test"));
        DeliveryStatus failure = new DeliveryStatus("trace-1", "alice@example.test", Outcome.FAILED, "5.2.2",
                "mailbox full for 120 hours", "mailbox-service", now);
        processor().bounceLocalFailure(new MailRecord(delivered, MESSAGE), failure).toCompletableFuture().join();

        DsnParser p = new DsnParser(output.submitted.get(0).message());
        assertThat(p.statusGroups).hasSize(2);
        assertThat(p.field(1, "Final-Recipient")).isEqualTo("rfc822; alice@example.test");
        assertThat(p.field(1, "Original-Recipient")).isEqualTo("rfc822; team@example.test");
        assertThat(p.field(1, "Status")).isEqualTo("5.2.2");
        assertThat(p.field(1, "Diagnostic-Code")).contains("mailbox full for 120 hours");
        assertThat(output.statuses).isEmpty();
    }

    @Test
    void anUnacknowledgedHandOffFailsThePassSoTheRecordIsNotCommitted() {
        output.brokerDown = true;
        assertThatThrownBy(() -> process(envelope("sender@origin.test", Recipient.of("alice@example.test")), RetryState.fresh()))
                .hasRootCauseMessage("broker down");
    }
}
