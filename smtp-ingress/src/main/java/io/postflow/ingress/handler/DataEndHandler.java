package io.postflow.ingress.handler;

import io.postflow.common.smtp.SmtpReply;
import io.postflow.ingress.protocol.DataReceiver.Verdict;
import io.postflow.ingress.session.Identity;
import io.postflow.ingress.session.Outcome;
import io.postflow.ingress.session.Replies;
import io.postflow.ingress.session.SessionContext;
import io.postflow.ingress.session.SmtpState;
import io.postflow.ingress.session.Transaction;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers the end of a message, from DATA's final dot or BDAT LAST: a refusal for what the
 * receiver found (too large 552 5.3.4, bare CR/LF 550 5.5.2, over-long line 550 5.5.6), else the
 * hand-off's reply. Either way the transaction is over (RFC 5321 §4.1.1.4).
 */
@ApplicationScoped
public class DataEndHandler {

    private final MessageHandOff handOff;

    public DataEndHandler(MessageHandOff handOff) {
        this.handOff = handOff;
    }

    public Uni<Outcome> finish(SmtpState.ReceivingData state, SessionContext session) {
        return finish(state.receiver().verdict(), state.identity(), state.transaction(), state.receiver().message(), session);
    }

    Uni<Outcome> finish(Verdict verdict, Identity identity, Transaction transaction, Buffer message, SessionContext session) {
        SmtpState next = new SmtpState.Greeted(identity);
        Uni<SmtpReply> reply = switch (verdict) {
            case TOO_LARGE -> Uni.createFrom().item(Replies.C552_TOO_LARGE);
            case BARE_LINE_BREAK -> Uni.createFrom().item(Replies.C550_BARE_LINE_BREAK);
            case LINE_TOO_LONG -> Uni.createFrom().item(Replies.C550_LINE_TOO_LONG);
            case ACCEPTABLE -> handOff.accept(session, identity, transaction, message);
        };
        return reply.map(r -> Outcome.of(r, next));
    }
}
