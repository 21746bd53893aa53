package io.postflow.common.record;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailRecordTest {

    private static final Envelope ENVELOPE = Envelope.of("trace-1", "s@b.test", null,
            List.of(Recipient.of("a@b.test")), null, null, null, null, Instant.parse("2025-01-01T00:00:00Z"));

    @Test
    void equalityComparesMessageBytes() {
        MailRecord a = new MailRecord(ENVELOPE, "Subject: hi\r\n\r\nbody\r\n".getBytes(US_ASCII));
        MailRecord b = new MailRecord(ENVELOPE, "Subject: hi\r\n\r\nbody\r\n".getBytes(US_ASCII));
        MailRecord c = new MailRecord(ENVELOPE, "Subject: ho\r\n\r\nbody\r\n".getBytes(US_ASCII));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
        assertThat(a.size()).isEqualTo(21);
    }

    @Test
    void toStringNeverShowsTheBody() {
        MailRecord record = new MailRecord(ENVELOPE, "Subject: secret\r\n\r\nsecret body\r\n".getBytes(US_ASCII));
        assertThat(record.toString()).contains("trace-1").contains("bytes").doesNotContain("secret");
    }
}
