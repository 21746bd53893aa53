package io.postflow.relay.outbound;

import io.vertx.core.Future;

/**
 * The seam between routing and remote SMTP delivery: one attempt to hand one message to the MX hosts
 * of one destination domain. Retry scheduling, bounces and status reports are the caller's job; the
 * transport only says, per recipient, what happened on this attempt.
 */
public interface OutboundTransport {

    /** Tries the request once (all MX hosts in order); never fails the future for a delivery problem. */
    Future<OutboundResult> deliver(OutboundRequest request);
}
