package io.postflow.ingress.domain;

import io.postflow.common.record.MailRecord;
import io.smallrye.mutiny.Uni;

/**
 * Where accepted mail goes. The returned Uni completes only once the message is durable, so the
 * session answers {@code 250} to the final dot after it, never before; a failure means
 * {@code 451 4.3.0}.
 */
public interface MailSpool {

    Uni<Void> accept(MailRecord record);
}
