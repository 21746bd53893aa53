package io.postflow.common.smtp;

import java.util.List;
import java.util.Objects;

/**
 * One SMTP reply (RFC 5321 §4.2): a three-digit code, an optional RFC 3463 enhanced status
 * (RFC 2034) and one or more text lines. Only {@link SmtpReplyEncoder} turns it into
 * {@code 250-} continuation lines.
 */
public record SmtpReply(int code, EnhancedStatus status, List<String> lines) {

    public SmtpReply {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("reply code out of range: " + code);
        }
        if (status != null && status.statusClass() != code / 100) {
            throw new IllegalArgumentException("enhanced status " + status + " does not match code " + code);
        }
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a reply has at least one line");
        }
        for (String line : lines) {
            if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("CR or LF inside a reply line");
            }
        }
    }

    public static SmtpReply of(int code, String status, String text) {
        return new SmtpReply(code, status == null ? null : EnhancedStatus.parse(status), List.of(text));
    }

    /** The same code and status with other text, e.g. to name the address concerned. */
    public SmtpReply withText(String text) {
        return new SmtpReply(code, status, List.of(Objects.requireNonNull(text)));
    }

    public boolean isPositive() {
        return code < 400;
    }

    /** 4yz: the client may try again later (RFC 5321 §4.2.1). */
    public boolean isTransient() {
        return code / 100 == 4;
    }

    /** 5yz: do not repeat the same request. */
    public boolean isPermanent() {
        return code / 100 == 5;
    }
}
