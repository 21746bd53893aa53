package io.postflow.common.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void copiesRecipientsImmutably() {
        List<Recipient> recipients = new ArrayList<>(List.of(Recipient.of("a@b.test")));
        Envelope envelope = Envelope.of("t", "", null, recipients, null, null, null, null, NOW);
        recipients.add(Recipient.of("c@d.test"));
        assertThat(envelope.recipients()).hasSize(1);
        assertThatThrownBy(() -> envelope.recipients().add(Recipient.of("x@y.test")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(envelope.version()).isEqualTo(Envelope.CURRENT_VERSION);
    }

    @Test
    void validates() {
        List<Recipient> one = List.of(Recipient.of("a@b.test"));
        assertThatThrownBy(() -> Envelope.of(null, "", null, one, null, null, null, null, NOW))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Envelope.of("t", "", null, List.of(), null, null, null, null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Envelope.of("t", null, null, one, null, null, null, null, NOW))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Envelope.of("t", "", null, one, null, null, null, null, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Envelope(0, "t", "", null, one, null, null, null, null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingParametersMeanNone() {
        Envelope envelope = Envelope.of("t", "a@b.test", null, List.of(Recipient.of("a@b.test")), null, null, null, null, NOW);
        assertThat(envelope.mailParameters()).isEqualTo(MailParameters.NONE);
        assertThat(envelope.isNullSender()).isFalse();
    }

    @Test
    void recipientNotifyIsAnImmutableCopyAndNeverIsExclusive() {
        Set<Notify> notify = EnumSet.of(Notify.SUCCESS);
        Recipient recipient = new Recipient("a@b.test", notify, null);
        notify.add(Notify.DELAY);
        assertThat(recipient.notifyOn()).containsExactly(Notify.SUCCESS);
        assertThatThrownBy(() -> recipient.notifyOn().add(Notify.FAILURE)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new Recipient("a@b.test", null, null).notifyOn()).isEmpty();
        assertThatThrownBy(() -> new Recipient("a@b.test", EnumSet.of(Notify.NEVER, Notify.FAILURE), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withRecipientsKeepsTheRest() {
        Envelope envelope = Envelope.of("t", "s@b.test", null,
                List.of(Recipient.of("a@b.test"), Recipient.of("c@d.test")), "192.0.2.1", "h", null, null, NOW);
        Envelope retry = envelope.withRecipients(List.of(Recipient.of("c@d.test")));
        assertThat(retry.recipients()).extracting(Recipient::address).containsExactly("c@d.test");
        assertThat(retry.traceId()).isEqualTo("t");
        assertThat(retry.clientAddress()).isEqualTo("192.0.2.1");
    }
}
