package io.postflow.ingress.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceivedHeaderTest {

    private static final ZonedDateTime AT = ZonedDateTime.of(2026, 11, 28, 10, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void singleRecipientOverTlsAuthenticated() {
        String header = header(new ReceivedHeader.Trace("client.example", "192.0.2.7", "mx.postflow.test", true, "TLSv1.3",
                "TLS_AES_256_GCM_SHA384", true, false, "T1", List.of("bob@example.test"), AT));
        assertThat(header).isEqualTo("Received: from client.example (unknown [192.0.2.7])\r\n"
                + "\tby mx.postflow.test (Postflow) with ESMTPSA (TLSv1.3 TLS_AES_256_GCM_SHA384)\r\n"
                + "\tid T1\r\n"
                + "\tfor <bob@example.test>; Sat, 28 Nov 2026 10:00:00 +0000\r\n");
    }

    @Test
    void severalRecipientsAreNotDisclosed() {
        String header = header(new ReceivedHeader.Trace("client.example", "2001:db8::1", "mx", true, null, null, false, false,
                "T2", List.of("a@x.test", "b@x.test"), AT));
        assertThat(header).doesNotContain("for <").contains("with ESMTP\r\n").endsWith("id T2; Sat, 28 Nov 2026 10:00:00 +0000\r\n");
    }

    @Test
    void protocolNames() {
        assertThat(ReceivedHeader.protocol(trace(false, null, false, false))).isEqualTo("SMTP");
        assertThat(ReceivedHeader.protocol(trace(true, null, false, false))).isEqualTo("ESMTP");
        assertThat(ReceivedHeader.protocol(trace(true, "TLSv1.3", false, false))).isEqualTo("ESMTPS");
        assertThat(ReceivedHeader.protocol(trace(true, null, true, false))).isEqualTo("ESMTPA");
        assertThat(ReceivedHeader.protocol(trace(true, "TLSv1.2", true, true))).isEqualTo("UTF8SMTPSA");
    }

    @Test
    void clientTextCannotBreakTheField() {
        String header = header(new ReceivedHeader.Trace("evil)\r\nX-Injected: yes (", "192.0.2.7", "mx", true, null, null,
                false, false, "T3", List.of("a@x.test"), AT));
        assertThat(header.split("\r\n")).noneMatch(line -> line.startsWith("X-Injected"));
        assertThat(header).startsWith("Received: from evil???X-Injected:?yes?? (unknown");
    }

    private static ReceivedHeader.Trace trace(boolean ehlo, String tls, boolean auth, boolean utf8) {
        return new ReceivedHeader.Trace("h", "192.0.2.1", "mx", ehlo, tls, tls == null ? null : "C", auth, utf8, "T",
                List.of("a@x.test"), AT);
    }

    private static String header(ReceivedHeader.Trace trace) {
        return new String(ReceivedHeader.of(trace), StandardCharsets.UTF_8);
    }
}
