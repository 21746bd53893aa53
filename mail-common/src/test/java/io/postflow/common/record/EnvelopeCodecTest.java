package io.postflow.common.record;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeCodecTest {

    private static final Instant RECEIVED = Instant.parse("2025-03-01T12:34:56.789Z");

    private static Envelope full() {
        return Envelope.of(
                "AAECAwQFBgcICQoLDA0ODw",
                "sender@example.com",
                new MailParameters(MailParameters.BODY_8BITMIME, true, MailParameters.RET_HDRS, "env+id/1", 12345L),
                List.of(
                        new Recipient("alice@example.test", EnumSet.of(Notify.FAILURE, Notify.DELAY), "rfc822;alice@example.test"),
                        new Recipient("bob@example.test", Set.of(Notify.NEVER), null),
                        Recipient.of("carol@example.test")),
                "192.0.2.10",
                "client.example.com",
                "sender@example.com",
                new TlsInfo("TLSv1.3", "TLS_AES_128_GCM_SHA256"),
                RECEIVED);
    }

    private static Envelope minimal() {
        return Envelope.of("trace", "", null, List.of(Recipient.of("a@b.test")), null, null, null, null, RECEIVED);
    }

    @Test
    void roundTripsAFullEnvelope() {
        Envelope envelope = full();
        assertThat(EnvelopeCodec.decode(EnvelopeCodec.encode(envelope))).isEqualTo(envelope);
    }

    @Test
    void roundTripsAMinimalEnvelopeWithTheNullSender() {
        Envelope envelope = minimal();
        Envelope decoded = EnvelopeCodec.decode(EnvelopeCodec.encode(envelope));
        assertThat(decoded).isEqualTo(envelope);
        assertThat(decoded.isNullSender()).isTrue();
        assertThat(decoded.mailFrom()).isEmpty();
        assertThat(decoded.mailParameters()).isEqualTo(MailParameters.NONE);
        assertThat(decoded.tls()).isNull();
        assertThat(decoded.authenticatedUser()).isNull();
        assertThat(decoded.recipients().get(0).notifyOn()).isEmpty();
    }

    @Test
    void roundTripsUnicodeAddressesAsUtf8() {
        Envelope envelope = Envelope.of("t", "jöran@bücher.example",
                new MailParameters(null, true, null, null, null),
                List.of(Recipient.of("用户@例子.广告"), Recipient.of("δοκιμή@παράδειγμα.δοκιμή")),
                "2001:db8::1", "клиент.example", null, null, RECEIVED);
        byte[] json = EnvelopeCodec.encode(envelope);
        assertThat(new String(json, UTF_8)).contains("jöran@bücher.example").doesNotContain("\\u");
        assertThat(EnvelopeCodec.decode(json)).isEqualTo(envelope);
    }

    @Test
    void writesStableCompactJson() {
        // The wire format is a contract between services: this golden text changes only with a version bump.
        assertThat(new String(EnvelopeCodec.encode(full()), UTF_8)).isEqualTo(
                "{\"version\":1,\"traceId\":\"AAECAwQFBgcICQoLDA0ODw\",\"mailFrom\":\"sender@example.com\","
                        + "\"mailParameters\":{\"body\":\"8BITMIME\",\"smtpUtf8\":true,\"ret\":\"HDRS\","
                        + "\"envId\":\"env+id/1\",\"declaredSize\":12345},"
                        + "\"recipients\":[{\"address\":\"alice@example.test\",\"notify\":[\"FAILURE\",\"DELAY\"],"
                        + "\"orcpt\":\"rfc822;alice@example.test\"},{\"address\":\"bob@example.test\",\"notify\":[\"NEVER\"]},"
                        + "{\"address\":\"carol@example.test\"}],"
                        + "\"clientAddress\":\"192.0.2.10\",\"clientHelo\":\"client.example.com\","
                        + "\"authenticatedUser\":\"sender@example.com\","
                        + "\"tls\":{\"protocol\":\"TLSv1.3\",\"cipherSuite\":\"TLS_AES_128_GCM_SHA256\"},"
                        + "\"receivedAt\":\"2025-03-01T12:34:56.789Z\"}");
    }

    @Test
    void ignoresUnknownFieldsOfTheSameVersion() {
        String json = "{\"version\":1,\"traceId\":\"t\",\"mailFrom\":\"\",\"future\":{\"x\":[1,2]},"
                + "\"recipients\":[{\"address\":\"a@b.test\",\"newRecipientField\":true}],"
                + "\"mailParameters\":{\"smtpUtf8\":false,\"mtPriority\":3},"
                + "\"receivedAt\":\"2025-03-01T12:34:56.789Z\",\"anotherOne\":null}";
        assertThat(EnvelopeCodec.decode(json.getBytes(UTF_8))).isEqualTo(
                Envelope.of("t", "", null, List.of(Recipient.of("a@b.test")), null, null, null, null, RECEIVED));
    }

    @Test
    void rejectsANewerVersion() {
        String json = new String(EnvelopeCodec.encode(minimal()), UTF_8).replace("\"version\":1", "\"version\":2");
        assertThatThrownBy(() -> EnvelopeCodec.decode(json.getBytes(UTF_8)))
                .isInstanceOf(EnvelopeFormatException.class)
                .hasMessageContaining("unsupported envelope version 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not json",
            "{",
            "[]",
            "null",
            "42",
            "{\"version\":1}",
            "{\"version\":0,\"traceId\":\"t\",\"mailFrom\":\"\",\"recipients\":[{\"address\":\"a@b\"}],\"receivedAt\":\"2025-03-01T12:00:00Z\"}",
            "{\"version\":\"1\",\"traceId\":\"t\",\"mailFrom\":\"\",\"recipients\":[{\"address\":\"a@b\"}],\"receivedAt\":\"2025-03-01T12:00:00Z\"}",
            "{\"traceId\":\"t\",\"mailFrom\":\"\",\"recipients\":[{\"address\":\"a@b\"}],\"receivedAt\":\"2025-03-01T12:00:00Z\"}",
            "{\"version\":1,\"mailFrom\":\"\",\"recipients\":[{\"address\":\"a@b\"}],\"receivedAt\":\"2025-03-01T12:00:00Z\"}",
            "{\"version\":1,\"traceId\":\"t\",\"recipients\":[{\"address\":\"a@b\"}],\"receivedAt\":\"2025-03-01T12:00:00Z\"}",
            "{\"version\":1,\"traceId\":\"t\",\"mailFrom\":\"\",\"receivedAt\":\"2025-03-01T12:00:00Z\"}",
            "{\"version\":1,\"traceId\":\"t\",\"mailFrom\":\"\",\"recipients\":[],\"receivedAt\":\"2025-03-01T12:00:00Z\"}",
            "{\"version\":1,\"traceId\":\"t\",\"mailFrom\":\"\",\"recipients\":[{}],\"receivedAt\":\"2025-03-01T12:00:00Z\"}",
            "{\"version\":1,\"traceId\":\"t\",\"mailFrom\":\"\",\"recipients\":[\"a@b\"],\"receivedAt\":\"2025-03-01T12:00:00Z\"}",
            "{\"version\":1,\"traceId\":\"t\",\"mailFrom\":\"\",\"recipients\":[{\"address\":\"a@b\"}]}",
            "{\"version\":1,\"traceId\":\"t\",\"mailFrom\":\"\",\"recipients\":[{\"address\":\"a@b\"}],\"receivedAt\":\"yesterday\"}",
            "{\"version\":1,\"traceId\":null,\"mailFrom\":\"\",\"recipients\":[{\"address\":\"a@b\"}],\"receivedAt\":\"2025-03-01T12:00:00Z\"}",
            "{\"version\":1,\"traceId\":7,\"mailFrom\":\"\",\"recipients\":[{\"address\":\"a@b\"}],\"receivedAt\":\"2025-03-01T12:00:00Z\"}",
            "{\"version\":1,\"traceId\":\"t\",\"mailFrom\":\"\",\"recipients\":[{\"address\":\"a@b\",\"notify\":[\"NEVER\",\"SUCCESS\"]}],\"receivedAt\":\"2025-03-01T12:00:00Z\"}",
            "{\"version\":1,\"traceId\":\"t\",\"mailFrom\":\"\",\"recipients\":[{\"address\":\"a@b\",\"notify\":[\"SOMETIMES\"]}],\"receivedAt\":\"2025-03-01T12:00:00Z\"}",
            "{\"version\":1,\"traceId\":\"t\",\"mailFrom\":\"\",\"recipients\":[{\"address\":\"a@b\",\"notify\":\"FAILURE\"}],\"receivedAt\":\"2025-03-01T12:00:00Z\"}",
            "{\"version\":1,\"traceId\":\"t\",\"mailFrom\":\"\",\"mailParameters\":{\"declaredSize\":\"big\"},\"recipients\":[{\"address\":\"a@b\"}],\"receivedAt\":\"2025-03-01T12:00:00Z\"}",
            "{\"version\":1,\"traceId\":\"t\",\"mailFrom\":\"\",\"mailParameters\":{\"declaredSize\":-1},\"recipients\":[{\"address\":\"a@b\"}],\"receivedAt\":\"2025-03-01T12:00:00Z\"}",
            "{\"version\":1,\"traceId\":\"t\",\"mailFrom\":\"\",\"mailParameters\":{\"smtpUtf8\":\"yes\"},\"recipients\":[{\"address\":\"a@b\"}],\"receivedAt\":\"2025-03-01T12:00:00Z\"}",
            "{\"version\":1,\"traceId\":\"t\",\"mailFrom\":\"\",\"tls\":{\"protocol\":\"TLSv1.3\"},\"recipients\":[{\"address\":\"a@b\"}],\"receivedAt\":\"2025-03-01T12:00:00Z\"}",
            "{\"version\":1,\"traceId\":\"t\",\"traceId\":\"u\",\"mailFrom\":\"\",\"recipients\":[{\"address\":\"a@b\"}],\"receivedAt\":\"2025-03-01T12:00:00Z\"}",
            "{\"version\":1,\"traceId\":\"t\",\"mailFrom\":\"\",\"recipients\":[{\"address\":\"a@b\"}],\"receivedAt\":\"2025-03-01T12:00:00Z\"} trailing",
    })
    void rejectsMalformedHeaders(String json) {
        assertThatThrownBy(() -> EnvelopeCodec.decode(json.getBytes(UTF_8))).isInstanceOf(EnvelopeFormatException.class);
    }

    @Test
    void rejectsNullAndBinaryGarbage() {
        assertThatThrownBy(() -> EnvelopeCodec.decode(null)).isInstanceOf(EnvelopeFormatException.class);
        assertThatThrownBy(() -> EnvelopeCodec.decode(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}))
                .isInstanceOf(EnvelopeFormatException.class);
    }

    @Test
    void headerNamesAreTheContract() {
        assertThat(EnvelopeCodec.HEADER).isEqualTo("postflow-envelope");
        assertThat(EnvelopeCodec.TRACE_ID_HEADER).isEqualTo("postflow-trace-id");
    }
}
