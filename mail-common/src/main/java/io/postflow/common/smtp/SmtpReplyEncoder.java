package io.postflow.common.smtp;

import java.nio.charset.StandardCharsets;

/**
 * Writes replies on the wire: {@code code-text} for every line but the last, {@code code text}
 * for the last (RFC 5321 §4.2.1); with ENHANCEDSTATUSCODES the status leads every line's text
 * (RFC 2034 §4).
 */
public final class SmtpReplyEncoder {

    private SmtpReplyEncoder() {
    }

    public static String encode(SmtpReply reply, boolean enhancedStatusCodes) {
        StringBuilder out = new StringBuilder(64);
        int last = reply.lines().size() - 1;
        for (int i = 0; i <= last; i++) {
            out.append(reply.code()).append(i == last ? ' ' : '-');
            if (enhancedStatusCodes && reply.status() != null) {
                out.append(reply.status()).append(' ');
            }
            out.append(reply.lines().get(i)).append("\r\n");
        }
        return out.toString();
    }

    public static byte[] bytes(SmtpReply reply, boolean enhancedStatusCodes) {
        return encode(reply, enhancedStatusCodes).getBytes(StandardCharsets.UTF_8);
    }
}
