package io.postflow.ingress.handler;

import io.postflow.common.log.TraceLog;
import io.postflow.common.record.Envelope;
import io.postflow.common.record.MailRecord;
import io.postflow.common.record.Recipient;
import io.postflow.common.record.TlsInfo;
import io.postflow.common.record.TraceIds;
import io.postflow.common.smtp.SmtpReply;
import io.postflow.ingress.domain.ByteBudget;
import io.postflow.ingress.domain.MailSpool;
import io.postflow.ingress.domain.ReceivedHeader;
import io.postflow.ingress.domain.SubmissionHeaders;
import io.postflow.ingress.session.Identity;
import io.postflow.ingress.session.Replies;
import io.postflow.ingress.session.SessionContext;
import io.postflow.ingress.session.Transaction;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZonedDateTime;
import org.jboss.logging.Logger;

/**
 * Turns a complete message into one {@code mail.accepted} record and answers for it: 250 with the
 * trace id only once the spool says the record is durable, 451 4.3.0 if it cannot say so. The
 * record is the {@code Received:} field (RFC 5321 §4.4), on submission ports any missing Date or
 * Message-ID (RFC 6409 §8), then the message bytes exactly as received.
 */
@ApplicationScoped
public class MessageHandOff {

    private static final Logger LOG = Logger.getLogger(MessageHandOff.class);

    private final MailSpool spool;
    private final ByteBudget budget;
    private final Clock clock;

    public MessageHandOff(MailSpool spool, ByteBudget budget, Clock clock) {
        this.spool = spool;
        this.budget = budget;
        this.clock = clock;
    }

    /** Never fails: the Uni carries the reply to the final dot or LAST chunk. */
    public Uni<SmtpReply> accept(SessionContext session, Identity identity, Transaction transaction, Buffer message) {
        String traceId = TraceIds.newTraceId();
        ZonedDateTime now = ZonedDateTime.now(clock);
        byte[] record = assemble(session, identity, transaction, message, traceId, now);
        MailRecord mail = new MailRecord(envelope(session, identity, transaction, traceId, now), record);
        return budget.acquire(record.length)
                .chain(() -> spool.accept(mail).eventually(() -> budget.release(record.length)))
                .map(done -> {
                    logAccepted(session, identity, transaction, traceId, record.length);
                    return SmtpReply.of(250, "2.0.0", "Ok: queued as " + traceId);
                })
                .onFailure().recoverWithItem(failure -> refused(session, traceId, failure));
    }

    private byte[] assemble(SessionContext session, Identity identity, Transaction transaction, Buffer message,
                            String traceId, ZonedDateTime now) {
        String hostname = session.settings().hostname();
        TlsInfo tls = session.connection().tls();
        byte[] received = ReceivedHeader.of(new ReceivedHeader.Trace(identity.helo(), session.clientAddress(), hostname,
                identity.extended(), tls == null ? null : tls.protocol(), tls == null ? null : tls.cipherSuite(),
                identity.authenticated(), transaction.parameters().smtpUtf8(), traceId,
                transaction.recipients().stream().map(Recipient::address).toList(), now));
        byte[] body = message.getBytes();
        byte[] added = session.listener().submission() ? SubmissionHeaders.missing(body, traceId, hostname, now) : new byte[0];
        byte[] record = new byte[received.length + added.length + body.length];
        System.arraycopy(received, 0, record, 0, received.length);
        System.arraycopy(added, 0, record, received.length, added.length);
        System.arraycopy(body, 0, record, received.length + added.length, body.length);
        return record;
    }

    private static Envelope envelope(SessionContext session, Identity identity, Transaction transaction, String traceId,
                                     ZonedDateTime now) {
        return Envelope.of(traceId, transaction.from().envelopeAddress(), transaction.parameters(), transaction.recipients(),
                session.clientAddress(), identity.helo(), identity.authenticated() ? identity.user().account() : null,
                session.connection().tls(), now.toInstant());
    }

    /** One line per accepted message, like an MTA's queue log: who, from where, how big, for whom. */
    private static void logAccepted(SessionContext session, Identity identity, Transaction transaction, String traceId, int size) {
        TraceLog.info(LOG, traceId, "accepted %s: session=%s listener=%s client=%s helo=%s user=%s from=<%s> rcpts=%d size=%d tls=%s",
                traceId, session.id(), session.listener(), session.clientAddress(), identity.helo(),
                identity.authenticated() ? identity.user().account() : "-", transaction.from().envelopeAddress(),
                transaction.recipients().size(), size, session.connection().tls() == null ? "-" : session.connection().tls().protocol());
    }

    private static SmtpReply refused(SessionContext session, String traceId, Throwable failure) {
        TraceLog.warn(LOG, traceId, "session %s: message %s not accepted by the spool: %s", session.id(), traceId, failure.toString());
        return Replies.C451_LOCAL_ERROR;
    }
}
