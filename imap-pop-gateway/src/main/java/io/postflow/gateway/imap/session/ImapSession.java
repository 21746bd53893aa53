package io.postflow.gateway.imap.session;

import io.postflow.gateway.imap.protocol.CommandParser;
import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.protocol.ImapParseException;
import io.postflow.gateway.imap.protocol.ImapWriter;
import io.postflow.gateway.imap.protocol.TaggedCommand;
import io.postflow.gateway.mailbox.MailboxApiException;
import io.postflow.gateway.mailbox.MailboxClient;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One IMAP connection: reads one command at a time from the {@link CommandFramer}, checks it
 * against the state, runs its handler, reports mailbox changes as untagged responses where
 * RFC 3501 §7.4.1 allows them, writes the tagged completion and only then reads on, so pipelined
 * commands run and answer in order (§5.5).
 */
public final class ImapSession implements SessionContext {

    private static final Logger LOG = Logger.getLogger(ImapSession.class);

    private final ImapConnection connection;
    private final CommandFramer framer;
    private final Map<Class<?>, CommandHandler<?>> handlers;
    private final MailboxClient mailbox;
    private final MailboxHints hints;
    private final SessionSettings settings;
    private final IdleLoop idle;
    private ImapState state = new ImapState.NotAuthenticated();
    private Supplier<Future<Void>> afterReply;
    private Runnable autologout = () -> { };
    private Runnable unwatch = () -> { };
    private Runnable onClose = () -> { };
    private boolean changed;
    private boolean condstore;
    private boolean ended;
    private String tag = "*";

    public ImapSession(ImapConnection connection, CommandFramer framer, Map<Class<?>, CommandHandler<?>> handlers,
                       MailboxClient mailbox, MailboxHints hints, SessionSettings settings) {
        this.connection = connection;
        this.framer = framer;
        this.handlers = handlers;
        this.mailbox = mailbox;
        this.hints = hints;
        this.settings = settings;
        this.idle = new IdleLoop(connection, () -> sync(changed, true), settings.idleCoalesceMillis());
    }

    /** The literal limit now: small before login (RFC 7888 §4 spirit; James uses 8 KiB too). */
    public long literalLimit() {
        return state instanceof ImapState.NotAuthenticated ? settings.maxLiteralBeforeLogin() : settings.maxLiteral();
    }

    public void start() {
        connection.write(("* OK [CAPABILITY " + capabilities() + "] Postflow IMAP4rev1 ready\r\n").getBytes(StandardCharsets.US_ASCII));
        armAutologout();
        framer.start(this::onCommand);
    }

    /** The connection closed: stop watching. */
    public void closed() {
        autologout.run();
        unwatch.run();
        idle.stop();
        onClose.run();
        onClose = () -> { };
        state = new ImapState.LoggedOut();
    }

    @Override
    public void onClose(Runnable release) {
        Runnable before = onClose;
        onClose = () -> {
            before.run();
            release.run();
        };
    }

    private void onCommand(byte[] raw) {
        armAutologout();
        TaggedCommand command;
        try {
            command = CommandParser.parse(raw);
        } catch (ImapParseException e) {
            tagged(e.tag(), e.refusal() ? Tagged.no(e.getMessage()) : Tagged.bad(e.getMessage()));
            framer.next();
            return;
        }
        tag = command.tag();
        String refusal = CommandRules.refusal(command.command(), state);
        Future<Tagged> outcome = refusal != null ? Future.succeededFuture(Tagged.no(refusal)) : run(command.command());
        outcome.recover(this::translate)
                .compose(reply -> catchUp(command.command()).map(v -> reply))
                .onComplete(done -> finish(command, done.result()));
    }

    @SuppressWarnings("unchecked")
    private <C extends ImapCommand> Future<Tagged> run(C command) {
        CommandHandler<C> handler = (CommandHandler<C>) handlers.get(command.getClass());
        try {
            // SELECT and EXAMINE enable it themselves, once the new mailbox is known.
            if (command.enablesCondstore() && !(command instanceof ImapCommand.Select) && !(command instanceof ImapCommand.Examine)) {
                enableCondstore();
            }
            return handler.handle(command, this);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private Future<Tagged> translate(Throwable failure) {
        if (failure instanceof ImapRejection r) {
            return Future.succeededFuture(r.reply());
        }
        if (failure instanceof MailboxApiException e) {
            return Future.succeededFuture(ApiRefusals.reply(e));
        }
        if (failure instanceof IllegalArgumentException e) {
            return Future.succeededFuture(Tagged.bad(e.getMessage()));
        }
        LOG.errorf(failure, "IMAP command %s failed for %s", tag, connection.clientAddress());
        return Future.succeededFuture(Tagged.no("SERVERBUG", "internal error"));
    }

    /**
     * In the selected state: ask for changes when a hint came in (or the client polls with NOOP or
     * CHECK), then tell the client, holding back EXPUNGE during FETCH, STORE and SEARCH
     * (RFC 3501 §7.4.1).
     */
    private Future<Void> catchUp(ImapCommand command) {
        boolean poll = changed || command instanceof ImapCommand.Noop || command instanceof ImapCommand.Check;
        boolean expungeAllowed = !(command instanceof ImapCommand.Fetch || command instanceof ImapCommand.Store
                || command instanceof ImapCommand.Search) || command.isUidForm();
        return sync(poll, expungeAllowed);
    }

    /** Asks for the changes if {@code poll}, then writes what the view holds for the client. */
    private Future<Void> sync(boolean poll, boolean expungeAllowed) {
        SelectedView view = view();
        if (view == null) {
            return Future.succeededFuture();
        }
        changed = changed && !poll;
        // A read-write session claims the new arrivals as \Recent in the same call (RFC 3501 §2.3.2).
        Future<Void> synced = poll ? mailbox.changes(account(), view.mailboxId(), view.knownModseq(), !view.readOnly())
                .map(changes -> {
                    view.apply(changes);
                    return (Void) null;
                })
                .recover(this::syncFailed) : Future.succeededFuture();
        return synced.map(v -> {
            ImapWriter out = new ImapWriter();
            if (view() == view) {
                view.drain(expungeAllowed, condstore, out);
            }
            if (out.size() > 0) {
                connection.write(out.toBytes());
            }
            return null;
        });
    }

    /**
     * A failed catch-up is retried with the next command, except when mailbox-service no longer
     * has the expunges since the view's MODSEQ (its log was pruned): the view can never be brought
     * up to date, so the session ends (RFC 3501 §7.1.5) and the client resynchronises on reconnect.
     */
    private Future<Void> syncFailed(Throwable failure) {
        if (failure instanceof MailboxApiException e && "changes_pruned".equals(e.error())) {
            bye("Mailbox changes since this session's state are no longer known; reconnect to resynchronise");
        }
        return Future.succeededFuture();
    }

    private void finish(TaggedCommand command, Tagged reply) {
        if (ended) {
            return; // the BYE was the last word
        }
        tagged(command.tag(), reply);
        Supplier<Future<Void>> action = afterReply;
        afterReply = null;
        Future<Void> after = action == null ? Future.succeededFuture() : action.get();
        after.compose(v -> connection.drained()).onComplete(v -> {
            if (!(state instanceof ImapState.LoggedOut)) {
                framer.next();
            }
        });
    }

    private void tagged(String tag, Tagged reply) {
        connection.write((tag + " " + reply.line() + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private void armAutologout() {
        autologout.run();
        autologout = connection.schedule(settings.autologoutMillis(), () -> bye("Autologout; idle for too long"));
    }

    /** Ends the session from the server side (RFC 3501 §7.1.5): BYE, then the connection closes. */
    private void bye(String text) {
        ended = true;
        connection.write(("* BYE " + text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        closed();
        connection.close();
    }

    @Override
    public ImapState state() {
        return state;
    }

    @Override
    public void state(ImapState next) {
        if (state instanceof ImapState.Selected || next instanceof ImapState.Selected) {
            unwatch.run();
            unwatch = () -> { };
            changed = false;
            if (next instanceof ImapState.Selected s) {
                unwatch = hints.watch(s.view().mailboxId(), () -> connection.execute(this::hinted));
            }
        }
        state = next;
    }

    /** A change hint for the selected mailbox: remembered for the next command, pushed at once during IDLE. */
    private void hinted() {
        changed = true;
        idle.hint();
    }

    @Override
    public Future<String> idle() {
        Promise<String> line = Promise.promise();
        connection.write("+ idling\r\n".getBytes(StandardCharsets.US_ASCII));
        idle.start();
        framer.readLine(text -> {
            armAutologout(); // DONE is activity; pushes during IDLE are not (RFC 2177 §3)
            idle.stop().onComplete(v -> line.complete(text));
        });
        return line.future();
    }

    @Override
    public void write(ImapWriter untagged) {
        connection.write(untagged.toBytes());
    }

    @Override
    public ImapConnection connection() {
        return connection;
    }

    @Override
    public SessionSettings settings() {
        return settings;
    }

    @Override
    public Future<String> continuation(String base64Challenge) {
        Promise<String> answer = Promise.promise();
        connection.write(("+ " + base64Challenge + "\r\n").getBytes(StandardCharsets.US_ASCII));
        framer.readLine(answer::complete);
        return answer.future();
    }

    @Override
    public void afterReply(Supplier<Future<Void>> action) {
        this.afterReply = action;
    }

    @Override
    public String capabilities() {
        StringBuilder caps = new StringBuilder("IMAP4rev1");
        if (state instanceof ImapState.NotAuthenticated) {
            if (!connection.tlsActive() && connection.tlsAvailable()) {
                caps.append(" STARTTLS");
            }
            caps.append(loginAllowed() ? " AUTH=PLAIN" : " LOGINDISABLED");
        }
        return caps.append(' ').append(Extensions.ADVERTISED).toString();
    }

    @Override
    public boolean loginAllowed() {
        return connection.tlsActive() || settings.plaintextOnLoopback() && connection.loopback();
    }

    @Override
    public void markChanged() {
        changed = true;
    }

    @Override
    public boolean condstore() {
        return condstore;
    }

    @Override
    public void enableCondstore() {
        SelectedView view = view();
        if (!condstore && view != null) {
            connection.write(("* OK [HIGHESTMODSEQ " + view.knownModseq() + "] CONDSTORE enabled\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        condstore = true;
    }

    @Override
    public void discardPlaintext() {
        framer.discardBuffered();
    }
}
