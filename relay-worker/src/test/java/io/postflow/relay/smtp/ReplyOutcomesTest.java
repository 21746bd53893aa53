package io.postflow.relay.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.common.record.Recipient;
import io.postflow.common.smtp.SmtpReply;
import io.postflow.common.smtp.SmtpReplyParser;
import io.postflow.relay.outbound.RecipientOutcome;
import io.postflow.relay.outbound.RecipientOutcome.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplyOutcomesTest {

    private static final Recipient BOB = Recipient.of("bob@example.test");

    private static SmtpReply parse(String... lines) {
        SmtpReplyParser parser = new SmtpReplyParser();
        SmtpReply reply = null;
        for (String line : lines) {
            reply = parser.feed(line);
        }
        return reply;
    }

    @ParameterizedTest
    @CsvSource({
            "250 2.1.5 ok,           DELIVERED, 2.1.5",
            "250 ok,                 DELIVERED, 2.0.0",
            "421 closing,            TEMPORARY, 4.4.2",
            "450 busy,               TEMPORARY, 4.1.1",
            "451 4.7.1 greylisted,   TEMPORARY, 4.7.1",
            "452 too many,           TEMPORARY, 4.5.3",
            "550 unknown,            PERMANENT, 5.1.1",
            "552 too big,            PERMANENT, 5.3.4",
            "553 bad name,           PERMANENT, 5.1.3",
            "554 no,                 PERMANENT, 5.0.0",
            "501 syntax,             PERMANENT, 5.5.0",
            "554 5.7.1 policy,       PERMANENT, 5.7.1"})
    void kindAndStatusFromTheReply(String line, Kind kind, String status) {
        RecipientOutcome outcome = ReplyOutcomes.of(BOB, parse(line), "mx.example.test");

        assertThat(outcome.kind()).isEqualTo(kind);
        assertThat(outcome.status()).isEqualTo(status);
        assertThat(outcome.remoteMta()).isEqualTo("mx.example.test");
        assertThat(outcome.diagnostic()).isEqualTo("smtp; " + line);
    }

    @Test
    void multiLineRepliesBecomeOneDiagnosticLine() {
        RecipientOutcome outcome = ReplyOutcomes.of(BOB, parse("550-5.1.1 the mailbox", "550 5.1.1 does not exist"), "mx");

        assertThat(outcome.status()).isEqualTo("5.1.1");
        assertThat(outcome.diagnostic()).isEqualTo("smtp; 550 5.1.1 the mailbox does not exist");
    }

    @Test
    void localFailuresAreMarkedAsOurs() {
        RecipientOutcome outcome = ReplyOutcomes.local(BOB, true, "5.6.3", "no 8BITMIME", null);

        assertThat(outcome.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(outcome.diagnostic()).isEqualTo("X-Postflow; no 8BITMIME");
    }
}
