package io.postflow.ingress.domain;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The trace field the ingress puts above every message it accepts (RFC 5321 §4.4), folded one
 * clause per line:
 * <pre>
 * Received: from client.example (unknown [192.0.2.7])
 *         by mx.postflow.test (Postflow) with ESMTPS (TLSv1.3 TLS_AES_256_GCM_SHA384)
 *         id 3FzX…; for &lt;bob@example.test&gt;; Sat, 28 Nov 2026 10:00:00 +0000
 * </pre>
 * The protocol name follows RFC 3848 (ESMTP, ESMTPS, ESMTPA, ESMTPSA) and RFC 6531 §3.7.3
 * (UTF8SMTP…); {@code for} names the recipient only when there is exactly one (§7.2: a list
 * would disclose the other recipients).
 */
public final class ReceivedHeader {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss xx", Locale.ENGLISH);

    /**
     * What the header says.
     *
     * @param helo           the EHLO/HELO argument as sent
     * @param clientAddress  the client's IP address (textual)
     * @param serverName     this server's host name
     * @param extended       EHLO (true) or HELO (false)
     * @param tlsProtocol    e.g. TLSv1.3, null without TLS
     * @param cipherSuite    null without TLS
     * @param authenticated  whether the client authenticated (RFC 4954)
     * @param smtpUtf8       whether the transaction used SMTPUTF8
     * @param traceId        the platform's trace id of the message
     * @param recipients     the envelope recipients
     * @param at             when the message was received
     */
    public record Trace(String helo, String clientAddress, String serverName, boolean extended, String tlsProtocol,
                        String cipherSuite, boolean authenticated, boolean smtpUtf8, String traceId, List<String> recipients,
                        ZonedDateTime at) {
    }

    private ReceivedHeader() {
    }

    public static byte[] of(Trace t) {
        StringBuilder h = new StringBuilder(256);
        h.append("Received: from ").append(safe(t.helo())).append(" (unknown [").append(safe(t.clientAddress())).append("])\r\n");
        h.append("\tby ").append(safe(t.serverName())).append(" (Postflow) with ").append(protocol(t));
        if (t.tlsProtocol() != null) {
            h.append(" (").append(safe(t.tlsProtocol())).append(' ').append(safe(t.cipherSuite())).append(')');
        }
        h.append("\r\n\tid ").append(t.traceId());
        if (t.recipients().size() == 1) {
            h.append("\r\n\tfor <").append(safe(t.recipients().get(0))).append('>');
        }
        h.append("; ").append(DATE.format(t.at())).append("\r\n");
        return h.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 3848 and RFC 6531 §3.7.3 "with" protocol names. */
    static String protocol(Trace t) {
        if (!t.extended()) {
            return "SMTP";
        }
        String suffix = (t.tlsProtocol() != null ? "S" : "") + (t.authenticated() ? "A" : "");
        return (t.smtpUtf8() ? "UTF8SMTP" : "ESMTP") + suffix;
    }

    /**
     * Client-supplied text goes into a header: anything that could break the field's structure
     * (controls, parentheses that would open a comment, brackets, semicolons) becomes '?'.
     */
    static String safe(String text) {
        if (text == null) {
            return "unknown";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = c < 0x21 || c == 0x7f || c == '(' || c == ')' || c == ';' || c == '<' || c == '>' || c == '\\';
            out.append(unsafe ? '?' : c);
        }
        return out.length() == 0 ? "unknown" : out.toString();
    }
}
