package io.postflow.ingress.handler;

import io.postflow.common.smtp.SmtpCommand;
import io.postflow.ingress.protocol.DataReceiver;
import io.postflow.ingress.session.Outcome;
import io.postflow.ingress.session.Replies;
import io.postflow.ingress.session.SessionContext;
import io.postflow.ingress.session.SmtpState;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * DATA (RFC 5321 §4.1.1.4): 354, and the following lines are message text for a
 * {@link DataReceiver} until {@code <CRLF>.<CRLF>} ({@link DataEndHandler} answers the dot).
 */
@ApplicationScoped
public class DataHandler implements CommandHandler<SmtpCommand.Data, SmtpState.InTransaction> {

    @Override
    public Uni<Outcome> handle(SmtpCommand.Data command, SmtpState.InTransaction state, SessionContext session) {
        DataReceiver receiver = new DataReceiver(Buffer.buffer(), session.settings().maxMessageSize());
        return Uni.createFrom().item(Outcome.of(Replies.C354_START_DATA,
                new SmtpState.ReceivingData(state.identity(), state.transaction(), receiver)));
    }
}
