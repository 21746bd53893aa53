package io.postflow.ingress.handler;

import io.postflow.common.smtp.SmtpCommand;
import io.postflow.common.smtp.SmtpReply;
import io.postflow.ingress.protocol.ChunkReceiver;
import io.postflow.ingress.session.Outcome;
import io.postflow.ingress.session.Replies;
import io.postflow.ingress.session.SessionContext;
import io.postflow.ingress.session.SmtpState;
import io.postflow.ingress.session.Transaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * BDAT (RFC 3030 §2): reads exactly the announced octets, then answers. A chunk that would take
 * the message over SIZE is still read whole (so its bytes are never taken as commands), answered
 * 552 5.3.4, and the transaction ends. LAST ends the message like DATA's final dot.
 */
@ApplicationScoped
public class BdatHandler implements CommandHandler<SmtpCommand.Bdat, SmtpState.InTransaction> {

    private final DataEndHandler dataEnd;

    public BdatHandler(DataEndHandler dataEnd) {
        this.dataEnd = dataEnd;
    }

    @Override
    public Uni<Outcome> handle(SmtpCommand.Bdat command, SmtpState.InTransaction state, SessionContext session) {
        Transaction transaction = state.transaction();
        ChunkReceiver chunks = transaction.chunking() ? transaction.chunks() : new ChunkReceiver(session.settings().maxMessageSize());
        if (chunks.size() + command.size() > session.settings().maxMessageSize()) {
            return Chunks.discard(command.size(), session)
                    .map(read -> Outcome.of(Replies.C552_TOO_LARGE, new SmtpState.Greeted(state.identity())));
        }
        return Chunks.read(command.size(), chunks, session).chain(() -> command.last()
                ? dataEnd.finish(chunks.verdict(), state.identity(), transaction, chunks.message(), session)
                : Uni.createFrom().item(Outcome.of(SmtpReply.of(250, "2.0.0", command.size() + " octets received"),
                        new SmtpState.InTransaction(state.identity(), transaction.withChunks(chunks)))));
    }
}
