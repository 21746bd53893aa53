package io.postflow.relay.outbound;

import io.postflow.common.record.MailParameters;
import io.postflow.common.record.Recipient;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Objects;

/**
 * One message for the recipients of one destination domain.
 *
 * @param traceId        the message's trace id (for logs)
 * @param domain         destination domain in ASCII (A-label) form, as used for the MX lookup
 * @param mailFrom       reverse-path without angle brackets; "" for the null sender
 * @param mailParameters BODY, SMTPUTF8, RET, ENVID to pass on
 * @param recipients     recipients in that domain, with their DSN NOTIFY/ORCPT parameters
 * @param message        the message bytes exactly as accepted (sent byte for byte, dot-stuffed on the wire)
 */
public record OutboundRequest(String traceId, String domain, String mailFrom, MailParameters mailParameters,
                              List<Recipient> recipients, Buffer message) {

    public OutboundRequest {
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(mailFrom, "mailFrom");
        mailParameters = mailParameters == null ? MailParameters.NONE : mailParameters;
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(message, "message");
    }
}
