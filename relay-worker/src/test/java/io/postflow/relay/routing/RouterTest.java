package io.postflow.relay.routing;

import static io.postflow.relay.support.Directories.account;
import static io.postflow.relay.support.Directories.alias;
import static io.postflow.relay.support.Directories.domain;
import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.common.record.Envelope;
import io.postflow.common.record.MailParameters;
import io.postflow.common.record.Notify;
import io.postflow.common.record.Recipient;
import io.postflow.relay.support.Directories;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final Router router = new Router(new AliasExpander(Directories.of(
            domain("example.test"), account("alice@example.test"), account("bob@example.test"),
            alias("sales@example.test", "bob@example.test", "dan@other.test"),
            alias("loop@example.test", "loop@example.test")), 10), 100);

    private static Envelope envelope(Recipient... recipients) {
        return Envelope.of("trace-1", "sender@origin.test", MailParameters.NONE, List.of(recipients), null, null, null,
                null, Instant.parse("2026-11-01T00:00:00Z"));
    }

    private static byte[] message(int receivedHeaders) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < receivedHeaders; i++) {
            s.append(i % 2 == 0 ? "Received: from a by b;\r\n\tMon, 1 Jan 2026 00:00:00 +0000\r\n" : "RECEIVED : x\r\n");
        }
        s.append("Subject: hi\r\n\r\nReceived: in the body does not count\r\n");
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void localAccountsGoTogetherAndRemoteRecipientsAreGroupedByDomain() {
        RoutingPlan plan = router.route(envelope(
                Recipient.of("alice@example.test"),
                new Recipient("sales@example.test", Set.of(Notify.SUCCESS), null),
                Recipient.of("erin@other.test"),
                Recipient.of("frank@third.test"),
                Recipient.of("Alice@example.test")), message(1));
        assertThat(plan.local()).extracting(Recipient::address).containsExactly("alice@example.test", "bob@example.test");
        assertThat(plan.remote().keySet()).containsExactly("other.test", "third.test");
        assertThat(plan.remote().get("other.test")).extracting(Recipient::address).containsExactly("dan@other.test", "erin@other.test");
        assertThat(plan.unroutable()).isEmpty();
        // An alias target carries the NOTIFY of the envelope recipient and its address as ORCPT.
        Recipient bob = plan.local().get(1);
        assertThat(bob.notifyOn()).containsExactly(Notify.SUCCESS);
        assertThat(bob.orcpt()).isEqualTo("rfc822;sales@example.test");
        assertThat(plan.local().get(0).orcpt()).isNull();
    }

    @Test
    void explicitOrcptWins() {
        RoutingPlan plan = router.route(envelope(new Recipient("sales@example.test", Set.of(), "rfc822;boss@example.test")), message(0));
        assertThat(plan.local().get(0).orcpt()).isEqualTo("rfc822;boss@example.test");
    }

    @Test
    void unknownAndLoopingRecipientsAreUnroutableOthersStillRouted() {
        RoutingPlan plan = router.route(envelope(Recipient.of("ghost@example.test"), Recipient.of("loop@example.test"),
                Recipient.of("alice@example.test")), message(3));
        assertThat(plan.local()).extracting(Recipient::address).containsExactly("alice@example.test");
        assertThat(plan.unroutable()).extracting(u -> u.recipient().address() + " " + u.reason().status())
                .containsExactly("ghost@example.test 5.1.1", "loop@example.test 5.4.6");
    }

    @Test
    void moreThanAHundredReceivedHeadersIsALoopForEveryRecipient() {
        assertThat(router.route(envelope(Recipient.of("alice@example.test")), message(100)).local()).hasSize(1);
        RoutingPlan plan = router.route(envelope(Recipient.of("alice@example.test"), Recipient.of("x@other.test")), message(101));
        assertThat(plan.local()).isEmpty();
        assertThat(plan.remote()).isEmpty();
        assertThat(plan.unroutable()).extracting(u -> u.reason().status()).containsExactly("5.4.6", "5.4.6");
        assertThat(plan.unroutable().get(0).reason().diagnostic()).contains("101 Received");
    }

    @Test
    void receivedCounterReadsOnlyTheHeaderSection() {
        assertThat(ReceivedHeaders.count(message(7))).isEqualTo(7);
        assertThat(ReceivedHeaders.count("X-Received: no\r\nReceivedX: no\r\n\r\n".getBytes(StandardCharsets.US_ASCII))).isZero();
        assertThat(ReceivedHeaders.count("Received: a\nReceived: b\n\nReceived: c\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo(2);
    }
}
