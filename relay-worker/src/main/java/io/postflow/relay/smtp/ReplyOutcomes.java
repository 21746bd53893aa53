package io.postflow.relay.smtp;

import io.postflow.common.record.Recipient;
import io.postflow.common.smtp.EnhancedStatus;
import io.postflow.common.smtp.SmtpReply;
import io.postflow.relay.outbound.RecipientOutcome;

/**
 * Turns a remote server's reply into a recipient's outcome: 2xx delivered, 4xx temporary, 5xx
 * permanent, with the reply's RFC 3463 status or one derived from the basic code (RFC 3463 §3 and
 * common practice for servers without ENHANCEDSTATUSCODES).
 */
public final class ReplyOutcomes {

    private ReplyOutcomes() {
    }

    public static RecipientOutcome of(Recipient recipient, SmtpReply reply, String remoteMta) {
        RecipientOutcome.Kind kind = reply.isPositive() ? RecipientOutcome.Kind.DELIVERED
                : reply.isTransient() ? RecipientOutcome.Kind.TEMPORARY : RecipientOutcome.Kind.PERMANENT;
        return new RecipientOutcome(recipient, kind, status(reply).toString(), "smtp; " + text(reply), remoteMta);
    }

    /** The same outcome kind and status, for a failure that is ours, not the server's. */
    public static RecipientOutcome local(Recipient recipient, boolean permanent, String status, String diagnostic,
                                         String remoteMta) {
        return new RecipientOutcome(recipient, permanent ? RecipientOutcome.Kind.PERMANENT : RecipientOutcome.Kind.TEMPORARY,
                status, diagnostic.startsWith("X-Postflow;") ? diagnostic : "X-Postflow; " + diagnostic, remoteMta);
    }

    public static EnhancedStatus status(SmtpReply reply) {
        if (reply.status() != null) {
            return reply.status();
        }
        int cls = reply.code() / 100;
        return switch (reply.code()) {
            case 421 -> new EnhancedStatus(4, 4, 2);          // service closing: bad connection
            case 450, 550 -> new EnhancedStatus(cls, 1, 1);   // mailbox unavailable
            case 451 -> new EnhancedStatus(4, 3, 0);          // local error in processing
            case 452 -> new EnhancedStatus(4, 5, 3);          // insufficient storage / too many recipients
            case 552 -> new EnhancedStatus(5, 3, 4);          // exceeded storage allocation: message too big
            case 553 -> new EnhancedStatus(5, 1, 3);          // mailbox name not allowed
            case 551 -> new EnhancedStatus(5, 1, 6);          // user not local
            case 500, 501, 502, 503, 504, 555 -> new EnhancedStatus(cls, 5, 0);
            default -> new EnhancedStatus(cls, 0, 0);
        };
    }

    /** The reply as one line for a Diagnostic-Code: {@code 550 5.1.1 no such user}. */
    public static String text(SmtpReply reply) {
        StringBuilder out = new StringBuilder().append(reply.code());
        if (reply.status() != null) {
            out.append(' ').append(reply.status());
        }
        for (String line : reply.lines()) {
            if (!line.isEmpty()) {
                out.append(' ').append(line);
            }
        }
        return out.toString();
    }
}
