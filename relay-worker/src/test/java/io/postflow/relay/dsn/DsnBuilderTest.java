package io.postflow.relay.dsn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.postflow.common.record.Envelope;
import io.postflow.common.record.MailParameters;
import io.postflow.common.record.MailRecord;
import io.postflow.common.record.Recipient;
import io.postflow.relay.support.DsnParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DsnBuilderTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-20T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-20T09:30:00Z");
    private static final byte[] ORIGINAL = ("Received: from client by mx;\r\n\tFri, 20 Nov 2026 08:00:00 +0000\r\n"
            + "From: Sender <sender@origin.test>\r\nTo: bob@remote.test\r\nSubject: Quarterly report\r\n"
            + "Message-ID: <q1@origin.test>\r\n\r\nDear Bob,\r\n.hidden dot line\r\nregards\r\n").getBytes(StandardCharsets.US_ASCII);

    private final DsnBuilder builder = new DsnBuilder("relay.postflow.test");

    private static Envelope envelope(String ret, String envId) {
        return Envelope.of("orig-trace", "sender@origin.test", new MailParameters(null, false, ret, envId, null),
                List.of(Recipient.of("bob@remote.test")), "192.0.2.1", "client", null, null, RECEIVED);
    }

    private static DsnRecipient failed(String finalRcpt, String orcpt) {
        return new DsnRecipient(finalRcpt, orcpt, DsnAction.FAILED, "5.1.1", "smtp; 550 5.1.1 <bob@remote.test>: no such user",
                "mx1.remote.test", NOW, null);
    }

    @Test
    void failureReportIsAnRfc3464MultipartReportWithTheFullMessage() {
        MailRecord dsn = builder.build(envelope(null, "ENV-42"), ORIGINAL,
                List.of(failed("bob@remote.test", "rfc822;bob@remote.test"), failed("carol@remote.test", null)), NOW);

        assertThat(dsn.envelope().mailFrom()).isEmpty();
        assertThat(dsn.envelope().recipients()).extracting(Recipient::address).containsExactly("sender@origin.test");
        assertThat(dsn.envelope().receivedAt()).isEqualTo(NOW);

        DsnParser p = new DsnParser(dsn.message());
        assertThat(p.message.getMimeType()).isEqualTo("multipart/report");
        assertThat(p.header("Content-Type")).contains("report-type=delivery-status");
        assertThat(p.header("Auto-Submitted")).isEqualTo("auto-replied");
        assertThat(p.header("To")).isEqualTo("<sender@origin.test>");
        assertThat(p.header("From")).contains("MAILER-DAEMON@relay.postflow.test");
        assertThat(p.message.getSubject()).isEqualTo("Undelivered Mail Returned to Sender");
        assertThat(p.report.getBodyParts()).hasSize(3);
        assertThat(p.part(0).getMimeType()).isEqualTo("text/plain");
        assertThat(p.part(1).getMimeType()).isEqualTo("message/delivery-status");
        assertThat(p.part(2).getMimeType()).isEqualTo("message/rfc822");

        assertThat(p.statusGroups).hasSize(3);
        assertThat(p.field(0, "Reporting-MTA")).isEqualTo("dns; relay.postflow.test");
        assertThat(p.field(0, "Original-Envelope-Id")).isEqualTo("ENV-42");
        assertThat(p.field(0, "Arrival-Date")).isEqualTo("Fri, 20 Nov 2026 08:00:00 +0000");
        assertThat(p.field(1, "Final-Recipient")).isEqualTo("rfc822; bob@remote.test");
        assertThat(p.field(1, "Original-Recipient")).isEqualTo("rfc822; bob@remote.test");
        assertThat(p.field(1, "Action")).isEqualTo("failed");
        assertThat(p.field(1, "Status")).isEqualTo("5.1.1");
        assertThat(p.field(1, "Remote-MTA")).isEqualTo("dns; mx1.remote.test");
        assertThat(p.field(1, "Diagnostic-Code")).isEqualTo("smtp; 550 5.1.1 <bob@remote.test>: no such user");
        assertThat(p.field(1, "Last-Attempt-Date")).isEqualTo("Fri, 20 Nov 2026 09:30:00 +0000");
        assertThat(p.field(1, "Will-Retry-Until")).isNull();
        assertThat(p.field(2, "Final-Recipient")).isEqualTo("rfc822; carol@remote.test");
        assertThat(p.field(2, "Original-Recipient")).isNull();

        // The original travels byte for byte inside the report.
        String raw = new String(dsn.message(), StandardCharsets.US_ASCII);
        assertThat(raw).contains(new String(ORIGINAL, StandardCharsets.US_ASCII));
        assertThat(new String(p.partBytes(0), StandardCharsets.UTF_8)).contains("<bob@remote.test>: failed, status 5.1.1");
    }

    @Test
    void retHdrsReturnsOnlyTheHeaderSection() {
        DsnParser p = new DsnParser(builder.build(envelope("HDRS", null), ORIGINAL,
                List.of(failed("bob@remote.test", null)), NOW).message());
        assertThat(p.part(2).getMimeType()).isEqualTo("text/rfc822-headers");
        String returned = new String(p.partBytes(2), StandardCharsets.US_ASCII);
        assertThat(returned).contains("Subject: Quarterly report").doesNotContain("Dear Bob");
        assertThat(p.field(0, "Original-Envelope-Id")).isNull();
    }

    @Test
    void delayReportCarriesWillRetryUntilAndOnlyHeadersByDefault() {
        DsnRecipient delayed = new DsnRecipient("bob@remote.test", null, DsnAction.DELAYED, "4.4.1",
                "X-Postflow; connection refused", null, NOW, Instant.parse("2026-11-25T08:00:00Z"));
        DsnParser p = new DsnParser(builder.build(envelope(null, null), ORIGINAL, List.of(delayed), NOW).message());
        assertThat(p.message.getSubject()).isEqualTo("Delayed Mail (still being retried)");
        assertThat(p.field(1, "Action")).isEqualTo("delayed");
        assertThat(p.field(1, "Status")).isEqualTo("4.4.1");
        assertThat(p.field(1, "Diagnostic-Code")).isEqualTo("X-Postflow; connection refused");
        assertThat(p.field(1, "Will-Retry-Until")).isEqualTo("Wed, 25 Nov 2026 08:00:00 +0000");
        assertThat(p.part(2).getMimeType()).isEqualTo("text/rfc822-headers");
    }

    @Test
    void successReportNamesTheAction() {
        DsnRecipient relayed = new DsnRecipient("bob@remote.test", null, DsnAction.RELAYED, "2.0.0",
                "smtp; 250 2.0.0 queued", "mx1.remote.test", NOW, null);
        DsnParser p = new DsnParser(builder.build(envelope("FULL", null), ORIGINAL, List.of(relayed), NOW).message());
        assertThat(p.field(1, "Action")).isEqualTo("relayed");
        assertThat(p.message.getSubject()).isEqualTo("Successful Mail Delivery Report");
        assertThat(p.part(2).getMimeType()).isEqualTo("message/rfc822"); // RET=FULL asked for it
    }

    @Test
    void crlfFromARemoteReplyCannotInjectFields() {
        DsnRecipient evil = new DsnRecipient("bob@remote.test", null, DsnAction.FAILED, "5.0.0",
                "smtp; 550 no\r\nAction: delivered", null, NOW, null);
        DsnParser p = new DsnParser(builder.build(envelope(null, null), ORIGINAL, List.of(evil), NOW).message());
        assertThat(p.field(1, "Action")).isEqualTo("failed");
        assertThat(p.field(1, "Diagnostic-Code")).isEqualTo("smtp; 550 no  Action: delivered");
    }

    @Test
    void sameReportSameTraceIdSoARepeatedDsnIsStoredOnce() {
        List<DsnRecipient> r = List.of(failed("bob@remote.test", null));
        assertThat(builder.build(envelope(null, null), ORIGINAL, r, NOW).envelope().traceId())
                .isEqualTo(builder.build(envelope(null, null), ORIGINAL, r, NOW.plusSeconds(5)).envelope().traceId())
                .isNotEqualTo(builder.build(envelope(null, null), ORIGINAL, List.of(failed("carol@remote.test", null)), NOW)
                        .envelope().traceId())
                .hasSize(22);
    }

    @Test
    void neverForTheNullSender() {
        Envelope fromNull = Envelope.of("t", "", MailParameters.NONE, List.of(Recipient.of("bob@remote.test")), null, null,
                null, null, RECEIVED);
        assertThatThrownBy(() -> builder.build(fromNull, ORIGINAL, List.of(failed("bob@remote.test", null)), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
