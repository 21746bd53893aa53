package io.postflow.common.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.postflow.common.status.DeliveryStatus.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryStatusCodecTest {

    private static final Instant AT = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void roundTripsEachOutcome() {
        for (DeliveryStatus s : new DeliveryStatus[] {
                new DeliveryStatus("t1", "bob@example.test", Outcome.DELIVERED, "2.0.0", null, "mailbox-service", AT),
                new DeliveryStatus("t2", "bob@example.test", Outcome.DEFERRED, "4.2.2", "mailbox full", "mailbox-service", AT),
                new DeliveryStatus("t3", "x@example.test", Outcome.FAILED, "5.1.1", "no such account", "mailbox-service", AT)}) {
            assertThat(DeliveryStatusCodec.decode(DeliveryStatusCodec.encode(s))).isEqualTo(s);
        }
    }

    @Test
    void statusMustFitTheOutcome() {
        assertThatThrownBy(() -> new DeliveryStatus("t", "r@x.test", Outcome.DELIVERED, "4.2.2", null, "m", AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliveryStatus("t", "r@x.test", Outcome.FAILED, "550", null, "m", AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesMalformedValues() {
        String valid = new String(DeliveryStatusCodec.encode(
                new DeliveryStatus("t", "r@x.test", Outcome.FAILED, "5.2.2", null, "m", AT)), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DeliveryStatusCodec.decode(valid.replace("5.2.2", "2.0.0").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DeliveryStatusFormatException.class);
        assertThatThrownBy(() -> DeliveryStatusCodec.decode(valid.replace("\"version\":1", "\"version\":9").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DeliveryStatusFormatException.class);
        assertThatThrownBy(() -> DeliveryStatusCodec.decode((valid + "{}").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DeliveryStatusFormatException.class);
    }
}
