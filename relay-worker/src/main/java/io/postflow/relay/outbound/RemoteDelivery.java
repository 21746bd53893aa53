package io.postflow.relay.outbound;

import io.micrometer.core.instrument.Timer;
import io.postflow.common.record.Recipient;
import io.postflow.relay.dns.MxResolution;
import io.postflow.relay.dns.MxResolver;
import io.postflow.relay.dns.MxTarget;
import io.postflow.relay.smtp.HostRefusal;
import io.postflow.relay.smtp.MessageTraits;
import io.postflow.relay.smtp.ReplyOutcomes;
import io.postflow.relay.smtp.SessionOpener;
import io.postflow.relay.smtp.SmtpConnection;
import io.postflow.relay.smtp.SmtpTimeouts;
import io.postflow.relay.smtp.SmtpTransaction;
import io.vertx.core.Future;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * One delivery attempt for one domain: route (MX), take a session slot for the domain, reuse an
 * idle session (after RSET) or open one with the first MX address that answers (RFC 5321 §5.1),
 * run the transaction, give the session back. Runs on one Vert.x context, never blocks.
 */
final class RemoteDelivery {

    private static final Logger LOG = Logger.getLogger(RemoteDelivery.class);

    private final MxResolver resolver;
    private final ConnectionPool pool;
    private final SessionOpener opener;
    private final SmtpTransaction transaction;
    private final SmtpTimeouts timeouts;
    private final OutboundMetrics metrics;

    RemoteDelivery(MxResolver resolver, ConnectionPool pool, SessionOpener opener, SmtpTransaction transaction,
                   SmtpTimeouts timeouts, OutboundMetrics metrics) {
        this.resolver = resolver;
        this.pool = pool;
        this.opener = opener;
        this.transaction = transaction;
        this.timeouts = timeouts;
        this.metrics = metrics;
    }

    Future<OutboundResult> deliver(OutboundRequest request) {
        Timer.Sample sample = metrics.start();
        MessageTraits traits = MessageTraits.of(request.message(), request.mailParameters(), request.mailFrom(),
                request.recipients());
        return resolver.resolve(request.domain())
                .compose(resolution -> resolution instanceof MxResolution.Route route
                        ? viaPool(request, traits, route.targets())
                        : Future.succeededFuture(unroutable(request, (MxResolution.Unroutable) resolution)))
                .recover(error -> {
                    // A bug, not a delivery problem: keep the mail, report it, retry later.
                    LOG.errorf(error, "[%s] outbound attempt to %s failed unexpectedly", request.traceId(), request.domain());
                    return Future.succeededFuture(allLocal(request, false, "4.3.0", "internal error: " + error));
                })
                .onSuccess(result -> metrics.attempt(sample, result));
    }

    private Future<OutboundResult> viaPool(OutboundRequest request, MessageTraits traits, List<MxTarget> targets) {
        return pool.acquire(request.domain()).compose(lease -> session(lease, targets)
                .compose(connection -> transaction.run(connection, request, traits)
                        // Released on any completion, so a bug in the transaction cannot leak a slot.
                        .onComplete(done -> lease.release(connection, done.succeeded() && done.result().reusable()))
                        .map(result -> new OutboundResult(result.outcomes())), refusal -> {
                    lease.release(null, false);
                    return Future.succeededFuture(allLocal(request, false, "4.4.1",
                            "no MX host of " + request.domain() + " accepted a session; last: " + refusal.getMessage()));
                }));
    }

    /** The lease's idle session if RSET shows it alive, else a new one. */
    private Future<SmtpConnection> session(ConnectionPool.Lease lease, List<MxTarget> targets) {
        SmtpConnection idle = lease.idle();
        if (idle == null) {
            return openFirst(targets, 0, null);
        }
        return idle.command("RSET\r\n", timeouts.command()).compose(reply -> {
            if (reply.code() == 250) {
                metrics.session("reused");
                return Future.succeededFuture(idle);
            }
            idle.quit(timeouts.command());
            return openFirst(targets, 0, null);
        }, error -> openFirst(targets, 0, null));
    }

    private Future<SmtpConnection> openFirst(List<MxTarget> targets, int index, Throwable last) {
        if (index >= targets.size()) {
            return Future.failedFuture(last == null ? new HostRefusal("no address to try", null) : last);
        }
        MxTarget target = targets.get(index);
        return opener.open(target).onSuccess(c -> metrics.session("opened")).recover(error -> {
            metrics.session("refused");
            LOG.debugf("MX %s not usable: %s", target.describe(), error.getMessage());
            return openFirst(targets, index + 1, error);
        });
    }

    private static OutboundResult unroutable(OutboundRequest request, MxResolution.Unroutable why) {
        return allLocal(request, why.permanent(), why.status(), why.diagnostic());
    }

    private static OutboundResult allLocal(OutboundRequest request, boolean permanent, String status, String diagnostic) {
        return new OutboundResult(request.recipients().stream()
                .map((Recipient r) -> ReplyOutcomes.local(r, permanent, status, diagnostic, null)).toList());
    }

    void close() {
        pool.closeIdle();
    }
}
