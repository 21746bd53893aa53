package io.postflow.ingress.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class SubmissionHeadersTest {

    private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-11-28T10:00:00Z");

    private static String missing(String message) {
        return new String(SubmissionHeaders.missing(message.getBytes(StandardCharsets.UTF_8), "T1", "mx.test", NOW),
                StandardCharsets.US_ASCII);
    }

    @Test
    void addsOnlyWhatTheHeaderSectionLacks() {
        assertThat(missing("Subject: a\r\n\r\nDate: in the body\r\n"))
                .isEqualTo("Date: Sat, 28 Nov 2026 10:00:00 +0000\r\nMessage-ID: <T1@mx.test>\r\n");
        assertThat(missing("DATE: x\r\nSubject: a\r\n\r\n")).isEqualTo("Message-ID: <T1@mx.test>\r\n");
        assertThat(missing("Message-ID: <a@b>\r\nDate: x\r\n\r\nbody")).isEmpty();
    }

    @Test
    void foldedLinesAndLookAlikeNamesDoNotCount() {
        assertThat(missing("Subject: a\r\n Date: folded\r\nDated: no\r\nX-Message-ID: no\r\n\r\n"))
                .contains("Date: ").contains("Message-ID: ");
    }

    @Test
    void aMessageWithoutHeadersGetsBoth() {
        assertThat(missing("\r\nbody only\r\n")).contains("Date: ").contains("Message-ID: ");
        assertThat(missing("")).contains("Date: ").contains("Message-ID: ");
    }
}
