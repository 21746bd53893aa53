package io.postflow.ingress.session;

import io.postflow.common.smtp.SmtpCommand;
import io.postflow.common.smtp.SmtpCommandParser;
import io.postflow.common.smtp.SmtpReply;
import io.postflow.common.smtp.SmtpSyntaxException;
import io.postflow.ingress.auth.AuthResponseHandler;
import io.postflow.ingress.handler.Chunks;
import io.postflow.ingress.handler.DataEndHandler;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One SMTP conversation: lines in, replies out, one command in flight at a time so replies keep
 * command order (RFC 2920 §3). The reader is paused while a command runs; pipelined commands
 * wait in it. Refusals ({@link SmtpRejection}) become their reply here and nowhere else; any
 * other failure is 451 4.3.0, logged with the session id. Runs on its connection's event loop.
 */
public final class SmtpSession {

    private static final Logger LOG = Logger.getLogger(SmtpSession.class);

    private final SessionContext session;
    private final CommandDispatcher dispatcher;
    private final DataEndHandler dataEnd;
    private final AuthResponseHandler authResponses;
    private SmtpState state = new SmtpState.Connected();
    private Connection.Cancellable dataDeadline;
    private boolean closed;

    public SmtpSession(SessionContext session, CommandDispatcher dispatcher, DataEndHandler dataEnd,
                       AuthResponseHandler authResponses) {
        this.session = session;
        this.dispatcher = dispatcher;
        this.dataEnd = dataEnd;
        this.authResponses = authResponses;
    }

    /** Greets the client (RFC 5321 §4.3.1, no enhanced status: RFC 2034 §3) and starts reading. */
    public void start() {
        session.onClientTimeout(() -> terminate(Replies.C421_TIMEOUT));
        session.inbound().start(this::onLine, this::onOverflow, this::onEnd);
        session.inbound().pause();
        SmtpReply greeting = SmtpReply.of(220, null, session.settings().hostname() + " ESMTP Postflow");
        respond(Outcome.of(greeting, state));
    }

    /** Server shutdown: 421 4.3.2 and close (RFC 5321 §3.8). */
    public void shutdown() {
        terminate(Replies.C421_SHUTTING_DOWN);
    }

    public SmtpState state() {
        return state;
    }

    public String id() {
        return session.id();
    }

    private void onLine(Buffer line) {
        if (closed) {
            return;
        }
        if (state instanceof SmtpState.ReceivingData data) {
            session.awaitClient(session.settings().dataBlockTimeout());
            if (data.receiver().line(line)) {
                run(() -> dataEnd.finish(data, session));
            }
        } else if (state instanceof SmtpState.Authenticating auth) {
            run(() -> authResponses.respond(auth, line, session));
        } else {
            run(() -> command(line));
        }
    }

    /** RFC 5321 §4.5.3.1.4: 500 for a line over the limit; in DATA it only spoils the message. */
    private void onOverflow() {
        if (state instanceof SmtpState.ReceivingData data) {
            data.receiver().overlongLine();
        } else {
            run(() -> Uni.createFrom().item(Outcome.of(Replies.C500_LINE_TOO_LONG, afterFailure(state))));
        }
    }

    private void onEnd() {
        closed = true;
        stopTimers();
    }

    private Uni<Outcome> command(Buffer line) {
        if (line.length() > session.settings().maxCommandLine()) {
            return Uni.createFrom().item(Outcome.of(Replies.C500_LINE_TOO_LONG, state)); // RFC 5321 §4.5.3.1.4
        }
        SmtpCommand command;
        try {
            command = SmtpCommandParser.parse(decode(line), utf8Allowed());
        } catch (SmtpSyntaxException e) {
            // An unparsable BDAT leaves its chunk unread; the bytes must never run as commands.
            boolean bdat = line.length() >= 4 && line.getString(0, 4, "ISO-8859-1").equalsIgnoreCase("BDAT");
            return Uni.createFrom().item(bdat ? Outcome.closing(e.reply(), state) : Outcome.of(e.reply(), state));
        }
        Optional<SmtpReply> refusal = CommandRules.check(state, command, session);
        if (refusal.isEmpty()) {
            return dispatcher.dispatch(command, state, session);
        }
        SmtpState unchanged = state;
        Uni<Void> drained = command instanceof SmtpCommand.Bdat bdat
                ? Chunks.discard(bdat.size(), session) // RFC 3030 §2: read a refused chunk anyway
                : Uni.createFrom().voidItem();
        return drained.map(read -> Outcome.of(refusal.get(), unchanged));
    }

    private void run(Supplier<Uni<Outcome>> work) {
        session.inbound().pause();
        session.stopWaiting();
        SmtpState before = state;
        Uni.createFrom().deferred(work::get)
                .onFailure(SmtpRejection.class).recoverWithItem(e -> Outcome.of(((SmtpRejection) e).reply(), before))
                .onFailure().recoverWithItem(e -> internalError(e, before))
                .emitOn(session.connection()::execute)
                .subscribe().with(this::respond);
    }

    private Outcome internalError(Throwable failure, SmtpState before) {
        LOG.errorf(failure, "session %s: command failed in state %s", session.id(), before.getClass().getSimpleName());
        return Outcome.of(Replies.C451_LOCAL_ERROR, afterFailure(before));
    }

    /** Leaving DATA or AUTH on an error: back to the greeted state, the transaction gone. */
    private static SmtpState afterFailure(SmtpState before) {
        if (before instanceof SmtpState.ReceivingData data) {
            return new SmtpState.Greeted(data.identity());
        }
        if (before instanceof SmtpState.Authenticating auth) {
            return new SmtpState.Greeted(auth.identity());
        }
        return before;
    }

    private void respond(Outcome outcome) {
        if (closed) {
            return;
        }
        enter(outcome.next());
        session.connection().reply(outcome.reply()).subscribe().with(written -> after(outcome), failure -> close());
    }

    private void enter(SmtpState next) {
        boolean dataStarts = next instanceof SmtpState.ReceivingData && !(state instanceof SmtpState.ReceivingData);
        boolean dataEnds = !(next instanceof SmtpState.ReceivingData) && dataDeadline != null;
        state = next;
        if (dataStarts) {
            dataDeadline = session.connection().schedule(session.settings().dataTerminationTimeout().toMillis(),
                    () -> terminate(Replies.C421_TIMEOUT));
        } else if (dataEnds) {
            dataDeadline.cancel();
            dataDeadline = null;
        }
    }

    private void after(Outcome outcome) {
        if (closed) {
            return;
        }
        switch (outcome.after()) {
            case CLOSE -> close();
            case START_TLS -> startTls();
            case READ_ON -> readOn();
        }
    }

    /** RFC 3207 §4.2 and CVE-2011-0411: plain text pipelined behind STARTTLS is dropped unread. */
    private void startTls() {
        if (!session.inbound().discardBuffered()) {
            close();
            return;
        }
        session.connection().startTls().subscribe().with(upgraded -> readOn(), failure -> close());
    }

    private void readOn() {
        boolean data = state instanceof SmtpState.ReceivingData;
        session.awaitClient(data ? session.settings().dataBlockTimeout() : session.settings().commandTimeout());
        session.inbound().resume();
    }

    private void terminate(SmtpReply reply) {
        if (closed) {
            return;
        }
        stopTimers();
        session.inbound().pause();
        session.connection().reply(reply).subscribe().with(written -> close(), failure -> close());
    }

    private void close() {
        closed = true;
        stopTimers();
        session.connection().close();
    }

    private void stopTimers() {
        session.stopWaiting();
        if (dataDeadline != null) {
            dataDeadline.cancel();
            dataDeadline = null;
        }
    }

    /** RFC 6531 §3.4: UTF-8 in RCPT paths only after MAIL with SMTPUTF8. */
    private boolean utf8Allowed() {
        return state instanceof SmtpState.InTransaction t && t.transaction().parameters().smtpUtf8();
    }

    private static String decode(Buffer line) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line.getBytes())).toString();
        } catch (CharacterCodingException e) {
            throw new SmtpRejection(Replies.C500_INVALID_UTF8);
        }
    }
}
