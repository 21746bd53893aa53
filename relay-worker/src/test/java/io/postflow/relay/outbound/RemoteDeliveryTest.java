package io.postflow.relay.outbound;

import static io.postflow.relay.outbound.OutboundHarness.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.common.record.MailParameters;
import io.postflow.common.record.Notify;
import io.postflow.common.record.Recipient;
import io.postflow.relay.outbound.RecipientOutcome.Kind;
import io.postflow.testkit.FreePorts;
import io.postflow.testkit.smtp.ReceivedTransaction;
import io.postflow.testkit.smtp.SinkExtension;
import io.postflow.testkit.smtp.SinkScript;
import io.postflow.testkit.smtp.SmtpSink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Remote delivery end to end on loopback: the real transport, a real DNS server ({@code DnsResponder})
 * and scripted SMTP servers ({@code SmtpSink}) on 127.0.0.x and ::1, all on one port.
 */
class RemoteDeliveryTest {

    private static final byte[] SIMPLE = "Subject: hi\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static OutboundHarness harness;
    private static int port;

    @BeforeAll
    static void start() {
        port = FreePorts.next();
        harness = new OutboundHarness(port, Map.of());
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @BeforeEach
    void clearZone() {
        harness.dns.zone().clear();
    }

    private static SmtpSink sink(SinkScript script, String... addresses) {
        return SmtpSink.start(port, script, addresses);
    }

    @Test
    void deliversToTheMostPreferredMx() throws Exception {
        harness.dns.zone().mx("pref.test", 20, "mx2.pref.test").mx("pref.test", 10, "mx1.pref.test")
                .a("mx1.pref.test", "127.0.0.2").a("mx2.pref.test", "127.0.0.3");
        try (SmtpSink sink = sink(SinkScript.acceptAll(), "127.0.0.2", "127.0.0.3")) {
            OutboundResult result = harness.deliver(request("pref.test", SIMPLE, "bob@pref.test"));

            RecipientOutcome outcome = result.outcomes().get(0);
            assertThat(outcome.kind()).isEqualTo(Kind.DELIVERED);
            assertThat(outcome.status()).isEqualTo("2.0.0");
            assertThat(outcome.diagnostic()).isEqualTo("smtp; 250 2.0.0 queued");
            assertThat(outcome.remoteMta()).isEqualTo("mx1.pref.test");
            ReceivedTransaction tx = sink.awaitTransactions(1, WAIT).get(0);
            assertThat(tx.localAddress()).isEqualTo("127.0.0.2");
            assertThat(tx.helo()).isEqualTo(OutboundHarness.HOSTNAME);
            assertThat(tx.mailFrom()).isEqualTo("sender@origin.test");
            assertThat(tx.acceptedRecipients()).containsExactly("bob@pref.test");
            assertThat(tx.data()).isEqualTo(SIMPLE);
        }
    }

    @Test
    void fallsBackWhenTheFirstMxRefusesConnections() throws Exception {
        // Nothing listens on 127.0.0.5: connection refused.
        harness.dns.zone().mx("refuse.test", 10, "mx1.refuse.test").mx("refuse.test", 20, "mx2.refuse.test")
                .a("mx1.refuse.test", "127.0.0.5").a("mx2.refuse.test", "127.0.0.3");
        try (SmtpSink sink = sink(SinkScript.acceptAll(), "127.0.0.3")) {
            OutboundResult result = harness.deliver(request("refuse.test", SIMPLE, "bob@refuse.test"));

            assertThat(result.outcomes().get(0).kind()).isEqualTo(Kind.DELIVERED);
            assertThat(result.outcomes().get(0).remoteMta()).isEqualTo("mx2.refuse.test");
            assertThat(sink.awaitTransactions(1, WAIT).get(0).localAddress()).isEqualTo("127.0.0.3");
        }
    }

    @Test
    void fallsBackWhenTheFirstMxGreetsWith4xxOr554() throws Exception {
        harness.dns.zone().mx("busy.test", 10, "mx1.busy.test").mx("busy.test", 20, "mx2.busy.test")
                .mx("busy.test", 30, "mx3.busy.test")
                .a("mx1.busy.test", "127.0.0.6").a("mx2.busy.test", "127.0.0.7").a("mx3.busy.test", "127.0.0.8");
        try (SmtpSink busy = sink(SinkScript.acceptAll().withGreeting("421 4.3.2 too busy"), "127.0.0.6");
             SmtpSink closed = sink(SinkScript.acceptAll().withGreeting("554 5.7.1 no service"), "127.0.0.7");
             SmtpSink good = sink(SinkScript.acceptAll(), "127.0.0.8")) {
            OutboundResult result = harness.deliver(request("busy.test", SIMPLE, "bob@busy.test"));

            assertThat(result.outcomes().get(0).kind()).isEqualTo(Kind.DELIVERED);
            assertThat(busy.connections()).isEqualTo(1);
            assertThat(closed.connections()).isEqualTo(1);
            assertThat(busy.transactions()).isEmpty();
            assertThat(good.awaitTransactions(1, WAIT)).hasSize(1);
        }
    }

    @Test
    void fallsBackWhenTheFirstMxClosesWithoutGreeting() throws Exception {
        harness.dns.zone().mx("mute.test", 10, "mx1.mute.test").mx("mute.test", 20, "mx2.mute.test")
                .a("mx1.mute.test", "127.0.0.23").a("mx2.mute.test", "127.0.0.24");
        try (SmtpSink mute = sink(SinkScript.acceptAll().closingOnConnect(), "127.0.0.23");
             SmtpSink good = sink(SinkScript.acceptAll(), "127.0.0.24")) {
            OutboundResult result = harness.deliver(request("mute.test", SIMPLE, "bob@mute.test"));

            assertThat(result.outcomes().get(0).kind()).isEqualTo(Kind.DELIVERED);
            assertThat(mute.connections()).isEqualTo(1);
            assertThat(good.awaitTransactions(1, WAIT)).hasSize(1);
        }
    }

    @Test
    void everyMxFailingIsTemporary() throws Exception {
        harness.dns.zone().mx("down.test", 10, "mx1.down.test").a("mx1.down.test", "127.0.0.5");
        OutboundResult result = harness.deliver(request("down.test", SIMPLE, "bob@down.test"));

        RecipientOutcome outcome = result.outcomes().get(0);
        assertThat(outcome.kind()).isEqualTo(Kind.TEMPORARY);
        assertThat(outcome.status()).isEqualTo("4.4.1");
        assertThat(outcome.diagnostic()).startsWith("X-Postflow; ").contains("127.0.0.5");
    }

    @Test
    void usesTheDomainItselfWhenItHasNoMx() throws Exception {
        harness.dns.zone().a("implicit.test", "127.0.0.9");
        try (SmtpSink sink = sink(SinkScript.acceptAll(), "127.0.0.9")) {
            OutboundResult result = harness.deliver(request("implicit.test", SIMPLE, "bob@implicit.test"));

            assertThat(result.outcomes().get(0).kind()).isEqualTo(Kind.DELIVERED);
            assertThat(result.outcomes().get(0).remoteMta()).isEqualTo("implicit.test");
            assertThat(sink.awaitTransactions(1, WAIT)).hasSize(1);
        }
    }

    @Test
    void deliversToAnIpv6OnlyMx() throws Exception {
        harness.dns.zone().mx("six.test", 10, "mx.six.test").aaaa("mx.six.test", "::1");
        try (SmtpSink sink = sink(SinkScript.acceptAll(), "::1")) {
            OutboundResult result = harness.deliver(request("six.test", SIMPLE, "bob@six.test"));

            assertThat(result.outcomes().get(0).kind()).isEqualTo(Kind.DELIVERED);
            assertThat(sink.awaitTransactions(1, WAIT).get(0).localAddress()).isIn("0:0:0:0:0:0:0:1", "::1");
        }
    }

    @Test
    void nullMxIsPermanent5110() throws Exception {
        harness.dns.zone().nullMx("nomail.test").a("nomail.test", "127.0.0.9");
        RecipientOutcome outcome = harness.deliver(request("nomail.test", SIMPLE, "bob@nomail.test")).outcomes().get(0);

        assertThat(outcome.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(outcome.status()).isEqualTo("5.1.10");
        assertThat(outcome.remoteMta()).isNull();
    }

    @Test
    void nonexistentDomainIsPermanent512() throws Exception {
        RecipientOutcome outcome = harness.deliver(request("nowhere.test", SIMPLE, "bob@nowhere.test")).outcomes().get(0);

        assertThat(outcome.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(outcome.status()).isEqualTo("5.1.2");
    }

    @Test
    void servfailAndSilenceAreTemporary443() throws Exception {
        harness.dns.zone().a("broken.test", "127.0.0.9").servfail("broken.test")
                .a("silent.test", "127.0.0.9").timeout("silent.test");
        RecipientOutcome servfail = harness.deliver(request("broken.test", SIMPLE, "bob@broken.test")).outcomes().get(0);
        RecipientOutcome silence = harness.deliver(request("silent.test", SIMPLE, "bob@silent.test")).outcomes().get(0);

        assertThat(servfail.kind()).isEqualTo(Kind.TEMPORARY);
        assertThat(servfail.status()).isEqualTo("4.4.3");
        assertThat(servfail.diagnostic()).contains("SERVFAIL");
        assertThat(silence.kind()).isEqualTo(Kind.TEMPORARY);
        assertThat(silence.status()).isEqualTo("4.4.3");
    }

    @Test
    void anMxThatIsThisPlatformIsALoop() throws Exception {
        harness.dns.zone().mx("loop.test", 10, "mx.loop.test").a("mx.loop.test", "127.0.0.66")
                .mx("self.test", 10, OutboundHarness.HOSTNAME).a(OutboundHarness.HOSTNAME, "127.0.0.9");
        RecipientOutcome byAddress = harness.deliver(request("loop.test", SIMPLE, "bob@loop.test")).outcomes().get(0);
        RecipientOutcome byName = harness.deliver(request("self.test", SIMPLE, "bob@self.test")).outcomes().get(0);

        assertThat(byAddress.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(byAddress.status()).isEqualTo("5.4.6");
        assertThat(byName.status()).isEqualTo("5.4.6");
    }

    @Test
    void perRecipientRepliesGiveMixedOutcomes() throws Exception {
        harness.dns.zone().a("mixed.test", "127.0.0.10");
        SinkScript script = SinkScript.acceptAll().withRcptReply(address -> switch (address) {
            case "full@mixed.test" -> "452 4.2.2 mailbox full";
            case "gone@mixed.test" -> "550 5.1.1 no such user";
            case "old@mixed.test" -> "550 user unknown";
            default -> "250 2.1.5 ok";
        });
        try (SmtpSink sink = sink(script, "127.0.0.10")) {
            OutboundResult result = harness.deliver(request("mixed.test", SIMPLE,
                    "ok@mixed.test", "full@mixed.test", "gone@mixed.test", "old@mixed.test"));

            assertThat(result.outcomes()).extracting(RecipientOutcome::kind)
                    .containsExactly(Kind.DELIVERED, Kind.TEMPORARY, Kind.PERMANENT, Kind.PERMANENT);
            assertThat(result.outcomes()).extracting(RecipientOutcome::status)
                    .containsExactly("2.0.0", "4.2.2", "5.1.1", "5.1.1");
            assertThat(result.outcomes().get(2).diagnostic()).isEqualTo("smtp; 550 5.1.1 no such user");
            assertThat(result.outcomes().get(3).diagnostic()).isEqualTo("smtp; 550 user unknown");
            assertThat(sink.awaitTransactions(1, WAIT).get(0).acceptedRecipients()).containsExactly("ok@mixed.test");
        }
    }

    @Test
    void allRecipientsRefusedSendsNoData() throws Exception {
        harness.dns.zone().a("refused.test", "127.0.0.11");
        SinkScript script = SinkScript.acceptAll().withRcptReply(address -> address.startsWith("t")
                ? "451 4.3.0 try later" : "550 5.7.1 relaying denied");
        try (SmtpSink sink = sink(script, "127.0.0.11")) {
            OutboundResult result = harness.deliver(request("refused.test", SIMPLE, "t@refused.test", "p@refused.test"));

            assertThat(result.outcomes()).extracting(RecipientOutcome::kind).containsExactly(Kind.TEMPORARY, Kind.PERMANENT);
            assertThat(result.outcomes()).extracting(RecipientOutcome::status).containsExactly("4.3.0", "5.7.1");
            assertThat(sink.transactions()).isEmpty();
        }
    }

    @Test
    void refusedSenderSettlesEveryRecipient() throws Exception {
        harness.dns.zone().a("nosender.test", "127.0.0.12");
        try (SmtpSink sink = sink(SinkScript.acceptAll().withMailReply("553 5.1.8 bad sender domain"), "127.0.0.12")) {
            OutboundResult result = harness.deliver(request("nosender.test", SIMPLE, "a@nosender.test", "b@nosender.test"));

            assertThat(result.outcomes()).extracting(RecipientOutcome::status).containsExactly("5.1.8", "5.1.8");
            assertThat(result.outcomes()).extracting(RecipientOutcome::kind).containsOnly(Kind.PERMANENT);
        }
    }

    @Test
    void finalDotRefusalAppliesToTheAcceptedRecipients() throws Exception {
        harness.dns.zone().a("spam.test", "127.0.0.13");
        try (SmtpSink sink = sink(SinkScript.acceptAll().withDataReply("554 5.7.1 looks like spam"), "127.0.0.13")) {
            OutboundResult result = harness.deliver(request("spam.test", SIMPLE, "a@spam.test"));

            assertThat(result.outcomes().get(0).kind()).isEqualTo(Kind.PERMANENT);
            assertThat(result.outcomes().get(0).status()).isEqualTo("5.7.1");
        }
    }

    @Test
    void usesStartTlsWhenOffered() throws Exception {
        harness.dns.zone().a("tls.test", "127.0.0.14");
        SinkScript script = SinkScript.acceptAll().withExtensions(EnumSet.of(SinkExtension.STARTTLS, SinkExtension.PIPELINING));
        try (SmtpSink sink = sink(script, "127.0.0.14")) {
            OutboundResult result = harness.deliver(request("tls.test", SIMPLE, "a@tls.test"));

            assertThat(result.outcomes().get(0).kind()).isEqualTo(Kind.DELIVERED);
            ReceivedTransaction tx = sink.awaitTransactions(1, WAIT).get(0);
            assertThat(tx.tls()).isTrue();
            assertThat(tx.data()).isEqualTo(SIMPLE);
        }
    }

    @Test
    void fallsBackToHeloWhenEhloIsRefused() throws Exception {
        harness.dns.zone().a("old.test", "127.0.0.15");
        try (SmtpSink sink = sink(SinkScript.acceptAll().withEhloReply("502 5.5.1 EHLO not implemented"), "127.0.0.15")) {
            OutboundResult result = harness.deliver(request("old.test", SIMPLE, "a@old.test"));

            assertThat(result.outcomes().get(0).kind()).isEqualTo(Kind.DELIVERED);
            ReceivedTransaction tx = sink.awaitTransactions(1, WAIT).get(0);
            assertThat(tx.helo()).isEqualTo(OutboundHarness.HOSTNAME);
            assertThat(tx.mailParameters()).isEmpty();
        }
    }

    @Test
    void eightBitMessageToAServerWithout8bitmimeIs563() throws Exception {
        harness.dns.zone().a("seven.test", "127.0.0.16");
        byte[] eightBit = "Subject: caf\u00e9\r\n\r\nd\u00e9j\u00e0 vu\r\n".getBytes(StandardCharsets.UTF_8);
        try (SmtpSink sink = sink(SinkScript.acceptAll().withExtensions(EnumSet.of(SinkExtension.PIPELINING)), "127.0.0.16")) {
            RecipientOutcome outcome = harness.deliver(request("seven.test", eightBit, "a@seven.test")).outcomes().get(0);
            // Declared, with 7-bit content: the declaration alone needs 8BITMIME too.
            RecipientOutcome declared = harness.deliver(request("seven.test",
                    new MailParameters(MailParameters.BODY_8BITMIME, false, null, null, null), SIMPLE,
                    List.of(Recipient.of("a@seven.test")))).outcomes().get(0);

            assertThat(outcome.kind()).isEqualTo(Kind.PERMANENT);
            assertThat(outcome.status()).isEqualTo("5.6.3");
            assertThat(declared.status()).isEqualTo("5.6.3");
            assertThat(sink.transactions()).isEmpty();
        }
    }

    @Test
    void eightBitMessageIsSentWithBody8bitmimeWhenOffered() throws Exception {
        harness.dns.zone().a("eight.test", "127.0.0.16");
        byte[] eightBit = "Subject: caf\u00e9\r\n\r\nd\u00e9j\u00e0 vu\r\n".getBytes(StandardCharsets.UTF_8);
        try (SmtpSink sink = sink(SinkScript.acceptAll(), "127.0.0.16")) {
            harness.deliver(request("eight.test", eightBit, "a@eight.test"));

            ReceivedTransaction tx = sink.awaitTransactions(1, WAIT).get(0);
            assertThat(tx.mailParameters()).containsEntry("BODY", "8BITMIME");
            assertThat(tx.data()).isEqualTo(eightBit);
        }
    }

    @Test
    void utf8AddressesToAServerWithoutSmtputf8Is567() throws Exception {
        harness.dns.zone().a("ascii.test", "127.0.0.17");
        try (SmtpSink sink = sink(SinkScript.acceptAll().withExtensions(EnumSet.of(SinkExtension.EIGHTBITMIME)), "127.0.0.17")) {
            RecipientOutcome outcome = harness.deliver(request("ascii.test", SIMPLE, "j\u00f6rg@ascii.test")).outcomes().get(0);

            assertThat(outcome.kind()).isEqualTo(Kind.PERMANENT);
            assertThat(outcome.status()).isEqualTo("5.6.7");
            assertThat(sink.transactions()).isEmpty();
        }
    }

    @Test
    void messageLargerThanTheServersSizeIs534() throws Exception {
        harness.dns.zone().a("small.test", "127.0.0.18");
        try (SmtpSink sink = sink(SinkScript.acceptAll().withSize(10), "127.0.0.18")) {
            RecipientOutcome outcome = harness.deliver(request("small.test", SIMPLE, "a@small.test")).outcomes().get(0);

            assertThat(outcome.kind()).isEqualTo(Kind.PERMANENT);
            assertThat(outcome.status()).isEqualTo("5.3.4");
            assertThat(outcome.diagnostic()).contains("exceeds the limit of 10");
            assertThat(sink.transactions()).isEmpty();
        }
    }

    @Test
    void sizeIsDeclaredWhenOffered() throws Exception {
        harness.dns.zone().a("sized.test", "127.0.0.18");
        try (SmtpSink sink = sink(SinkScript.acceptAll().withSize(1_000_000), "127.0.0.18")) {
            harness.deliver(request("sized.test", SIMPLE, "a@sized.test"));

            assertThat(sink.awaitTransactions(1, WAIT).get(0).mailParameters()).containsEntry("SIZE", Integer.toString(SIMPLE.length));
        }
    }

    @Test
    void dsnParametersArePassedOnOnlyWhenOffered() throws Exception {
        harness.dns.zone().a("dsn.test", "127.0.0.19").a("nodsn.test", "127.0.0.20");
        MailParameters parameters = new MailParameters(null, false, MailParameters.RET_HDRS, "env id+1", null);
        List<Recipient> recipients = List.of(new Recipient("a@dsn.test", Set.of(Notify.SUCCESS, Notify.FAILURE), "rfc822;A@Dsn.test"));
        try (SmtpSink dsn = sink(SinkScript.acceptAll(), "127.0.0.19");
             SmtpSink plain = sink(SinkScript.acceptAll().withExtensions(EnumSet.of(SinkExtension.PIPELINING)), "127.0.0.20")) {
            harness.deliver(request("dsn.test", parameters, SIMPLE, recipients));
            harness.deliver(request("nodsn.test", parameters, SIMPLE,
                    List.of(new Recipient("a@nodsn.test", Set.of(Notify.NEVER), "rfc822;a@nodsn.test"))));

            ReceivedTransaction withDsn = dsn.awaitTransactions(1, WAIT).get(0);
            assertThat(withDsn.mailParameters()).containsEntry("RET", "HDRS").containsEntry("ENVID", "env+20id+2B1");
            assertThat(withDsn.recipients().get(0).parameters()).containsEntry("NOTIFY", "SUCCESS,FAILURE")
                    .containsEntry("ORCPT", "rfc822;A@Dsn.test");
            ReceivedTransaction without = plain.awaitTransactions(1, WAIT).get(0);
            assertThat(without.mailParameters()).isEmpty();
            assertThat(without.recipients().get(0).parameters()).isEmpty();
        }
    }

    @Test
    void reusesTheSessionForTheNextMessageToTheSameDomain() throws Exception {
        harness.dns.zone().a("reuse.test", "127.0.0.21");
        try (SmtpSink sink = sink(SinkScript.acceptAll(), "127.0.0.21")) {
            harness.deliver(request("reuse.test", SIMPLE, "a@reuse.test"));
            harness.deliver(request("reuse.test", SIMPLE, "b@reuse.test"));
            harness.deliver(request("reuse.test", SIMPLE, "c@reuse.test"));

            List<ReceivedTransaction> txs = sink.awaitTransactions(3, WAIT);
            assertThat(sink.connections()).isEqualTo(1);
            assertThat(txs).extracting(ReceivedTransaction::connection).containsOnly(1);
            assertThat(harness.registry.counter("postflow.relay.outbound.sessions", "kind", "reused").count()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void answersAreCachedForTheirTtl() throws Exception {
        harness.dns.zone().mx("cached.test", 10, "mx.cached.test").a("mx.cached.test", "127.0.0.22");
        try (SmtpSink sink = sink(SinkScript.acceptAll(), "127.0.0.22")) {
            harness.deliver(request("cached.test", SIMPLE, "a@cached.test"));
            harness.deliver(request("cached.test", SIMPLE, "b@cached.test"));

            assertThat(harness.dns.queries("cached.test", "MX")).isEqualTo(1);
            assertThat(harness.dns.queries("mx.cached.test", "A")).isEqualTo(1);
        }
    }
}
