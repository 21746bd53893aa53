package io.postflow.gateway.pop3.session;

import io.postflow.common.io.LineReader;
import io.postflow.gateway.mailbox.MailboxApiException;
import io.postflow.gateway.pop3.protocol.CommandParser;
import io.postflow.gateway.pop3.protocol.Pop3Command;
import io.postflow.gateway.pop3.protocol.Pop3ParseException;
import io.postflow.gateway.pop3.protocol.Pop3Reply;
import io.postflow.gateway.pop3.protocol.ResponseCode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One POP3 connection: reads one command line at a time, checks it against the state, runs its
 * handler, writes the reply and reads the next line only once the reply is written and the peer
 * has read it (PIPELINING, RFC 2449 §6.6: answers in order, and a client that does not read stops
 * being read). A connection that ends in the TRANSACTION state releases its lease without
 * deleting anything (RFC 1939 §6).
 */
public final class Pop3Session implements Pop3Context {

    /** A handler wrote its answer itself (RETR, TOP). Compared by identity. */
    public static final Pop3Reply WRITTEN = new Pop3Reply(true, null, "(written)", null);

    private static final Logger LOG = Logger.getLogger(Pop3Session.class);

    private final String id;
    private final Pop3Connection connection;
    private final LineReader reader;
    private final Map<Class<?>, Pop3Handler<?>> handlers;
    private final MaildropLeases leases;
    private final UserSlots userSlots;
    private final Pop3Settings settings;
    private final Pop3Metrics metrics;
    private Pop3State state = new Pop3State.Authorization(null);
    private Supplier<Future<Void>> afterReply;
    private Consumer<String> lineOverride;
    private Runnable idleTimer = () -> { };
    private Runnable renewal = () -> { };
    private boolean updating;
    private String claimedUser;
    private String leaseAccount;
    private MaildropView leased;
    private int authFailures;
    private boolean closed;

    public Pop3Session(String id, Pop3Connection connection, LineReader reader, Map<Class<?>, Pop3Handler<?>> handlers,
                       MaildropLeases leases, UserSlots userSlots, Pop3Settings settings, Pop3Metrics metrics) {
        this.id = id;
        this.connection = connection;
        this.reader = reader;
        this.handlers = handlers;
        this.leases = leases;
        this.userSlots = userSlots;
        this.settings = settings;
        this.metrics = metrics;
    }

    public void start() {
        reader.pause();
        reader.lineHandler(this::onLine);
        reader.overflowHandler(v -> connection.write(Pop3Reply.err("line too long").encode()));
        write(Pop3Reply.ok("Postflow POP3 server ready"));
        armIdleTimer();
        reader.resume();
    }

    /** The connection closed, whoever closed it: stop the timers, give back the user slot and the lease. */
    public void closed() {
        if (closed) {
            return;
        }
        closed = true;
        idleTimer.run();
        renewal.run();
        releaseUser();
        if (leased != null) {
            String account = leaseAccount;
            String lease = leased.lease();
            leased = null;
            // RFC 1939 §6: a session that ends without QUIT deletes nothing; the lock goes.
            leases.release(account, lease).onFailure(e -> LOG.warnf("POP3 %s: releasing the maildrop lease of %s failed "
                    + "(it expires by itself): %s", id, account, e.getMessage()));
        }
        state = new Pop3State.Closed();
    }

    private void onLine(Buffer line) {
        reader.pause();
        idleTimer.run();
        if (lineOverride != null) {
            Consumer<String> handler = lineOverride;
            lineOverride = null;
            handler.accept(line.toString(StandardCharsets.UTF_8));
            return;
        }
        Pop3Command command;
        try {
            command = CommandParser.parse(line.getBytes());
        } catch (Pop3ParseException e) {
            metrics.command("INVALID", false); // not the client's word: tag values stay a small fixed set
            finish(Pop3Reply.err(e.getMessage()));
            return;
        }
        String refusal = CommandRules.refusal(command, state);
        Future<Pop3Reply> outcome = refusal != null ? Future.succeededFuture(Pop3Reply.err(refusal)) : run(command);
        outcome.recover(this::translate).onComplete(done -> {
            metrics.command(command.keyword(), done.result() == WRITTEN || done.result().ok());
            finish(done.result());
        });
    }

    @SuppressWarnings("unchecked")
    private <C extends Pop3Command> Future<Pop3Reply> run(C command) {
        Pop3Handler<C> handler = (Pop3Handler<C>) handlers.get(command.getClass());
        MDC.put("pop3Session", id);
        try {
            return handler.handle(command, this);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        } finally {
            MDC.remove("pop3Session");
        }
    }

    private Future<Pop3Reply> translate(Throwable failure) {
        if (failure instanceof MailboxApiException e) {
            if (e.status() == 404) {
                return Future.succeededFuture(Pop3Reply.err("no such message"));
            }
            // The client only learns "try later"; the operator needs the cause.
            LOG.warnf("POP3 %s: mailbox-service refused or failed for %s: %s", id, connection.clientAddress(), e.getMessage());
            return Future.succeededFuture(Pop3Reply.err(ResponseCode.SYS_TEMP, "mailbox temporarily unavailable"));
        }
        LOG.errorf(failure, "POP3 %s: command failed for %s", id, connection.clientAddress());
        return Future.succeededFuture(Pop3Reply.err(ResponseCode.SYS_TEMP, "internal error"));
    }

    private void finish(Pop3Reply reply) {
        if (reply != WRITTEN) {
            write(reply);
        }
        Supplier<Future<Void>> action = afterReply;
        afterReply = null;
        Future<Void> after = action == null ? Future.succeededFuture() : action.get();
        after.compose(v -> connection.drained()).onComplete(v -> {
            if (!closed && !(state instanceof Pop3State.Closed)) {
                armIdleTimer();
                reader.resume();
            }
        });
    }

    private void write(Pop3Reply reply) {
        connection.write(reply.encode());
    }

    private void armIdleTimer() {
        idleTimer.run();
        idleTimer = connection.schedule(settings.idleTimeoutMillis(), () -> {
            // RFC 1939 §3: an autologout timer ends the session without entering UPDATE.
            write(Pop3Reply.err("idle for too long, closing"));
            closed();
            connection.close();
        });
    }

    @Override
    public Pop3State state() {
        return state;
    }

    @Override
    public void state(Pop3State next) {
        state = next;
    }

    @Override
    public Pop3Connection connection() {
        return connection;
    }

    @Override
    public Pop3Settings settings() {
        return settings;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<String> capabilities() {
        List<String> caps = new ArrayList<>(List.of("TOP", "UIDL"));
        if (state instanceof Pop3State.Authorization && loginAllowed()) {
            caps.add("USER");
            caps.add("SASL PLAIN");
        }
        caps.addAll(List.of("RESP-CODES", "AUTH-RESP-CODE", "PIPELINING"));
        if (state instanceof Pop3State.Authorization && !connection.tlsActive() && connection.tlsAvailable()) {
            caps.add("STLS");
        }
        caps.addAll(List.of("EXPIRE NEVER", "IMPLEMENTATION Postflow"));
        return caps;
    }

    @Override
    public boolean loginAllowed() {
        return connection.tlsActive() || settings.plaintextOnLoopback() && connection.loopback();
    }

    @Override
    public Future<String> continuation(String base64Challenge) {
        Promise<String> answer = Promise.promise();
        connection.write(("+ " + base64Challenge + "\r\n").getBytes(StandardCharsets.US_ASCII));
        lineOverride = answer::complete;
        armIdleTimer();
        reader.resume();
        return answer.future();
    }

    @Override
    public void afterReply(Supplier<Future<Void>> action) {
        this.afterReply = action;
    }

    @Override
    public void discardPlaintext() {
        reader.discardBuffered();
    }

    @Override
    public boolean plaintextOverflowed() {
        return reader.sourcePaused();
    }

    @Override
    public boolean claimUser(String user) {
        if (claimedUser != null) {
            return true;
        }
        if (!userSlots.claim(user)) {
            return false;
        }
        claimedUser = user;
        return true;
    }

    @Override
    public void releaseUser() {
        if (claimedUser != null) {
            userSlots.release(claimedUser);
            claimedUser = null;
        }
    }

    @Override
    public int authFailed() {
        metrics.authFailure();
        return ++authFailures;
    }

    @Override
    public void holdLease(String account, MaildropView maildrop) {
        leaseAccount = account;
        leased = maildrop;
        if (closed) {
            closed = false;
            closed(); // the client went away while the lease was being taken
            return;
        }
        long period = Math.max(1000, settings.leaseTtl().toMillis() / 3);
        renewal = connection.periodic(period, () -> leases.renew(account, maildrop.lease()).onFailure(e -> {
            if (!updating && e instanceof MailboxApiException api && api.status() == 409) {
                LOG.warnf("POP3 %s: the maildrop lease of %s was lost; closing the session", id, account);
                closed();
                connection.close();
            }
        }));
    }

    @Override
    public void updating() {
        updating = true;
        renewal.run();
    }

    @Override
    public void leaseReleased() {
        leased = null;
        renewal.run();
    }

    @Override
    public Pop3Metrics metrics() {
        return metrics;
    }
}
