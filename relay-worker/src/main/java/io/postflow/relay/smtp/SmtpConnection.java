package io.postflow.relay.smtp;

import io.postflow.common.io.LineReader;
import io.postflow.common.smtp.SmtpReply;
import io.postflow.common.smtp.SmtpReplyParser;
import io.postflow.relay.dns.MxTarget;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One client connection to a remote SMTP server: writes bytes and hands out the server's replies in
 * order, each with its own timeout. Several replies can be awaited at once (PIPELINING, RFC 2920).
 * Any timeout, malformed reply or close fails every outstanding reply and closes the socket.
 * Event-loop confined, like the socket.
 */
public final class SmtpConnection {

    /** Reply lines are short; a peer that sends more without CRLF is not an SMTP server. */
    private static final LineReader.Limits LIMITS = new LineReader.Limits(SmtpReplyParser.MAX_LINE, 64 * 1024, 16 * 1024);

    /** How long the server gets to close after its QUIT reply before we close ourselves. */
    static final long CLOSE_GRACE_MILLIS = 2_000;

    private record Pending(Promise<SmtpReply> promise, long timer) {
    }

    private final Vertx vertx;
    /** Completes when the channel is closed, whoever closed it. */
    private final Promise<Void> closed = Promise.promise();
    private final NetSocket socket;
    private final MxTarget target;
    private final LineReader reader;
    private final SmtpReplyParser parser = new SmtpReplyParser();
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final Deque<SmtpReply> unsolicited = new ArrayDeque<>();
    private SmtpClientException broken;
    /** Completes when the socket's write queue drains; failed if the connection breaks first. */
    private Promise<Void> drained;
    private boolean tls;
    private Capabilities capabilities = Capabilities.NONE;
    private int transactions;

    SmtpConnection(Vertx vertx, NetSocket socket, MxTarget target) {
        this.vertx = vertx;
        this.socket = socket;
        this.target = target;
        this.reader = new LineReader(socket, LIMITS);
        reader.lineHandler(this::line);
        reader.overflowHandler(v -> fail(new SmtpClientException("4.4.2", "over-long reply line from " + target.describe())));
        reader.endHandler(v -> fail(new SmtpClientException("4.4.2", "connection closed by " + target.describe())));
        reader.exceptionHandler(e -> fail(new SmtpClientException("4.4.2", "connection to " + target.describe()
                + " failed: " + e.getMessage())));
        socket.closeHandler(v -> {
            closed.tryComplete();
            fail(new SmtpClientException("4.4.2", "connection closed by " + target.describe()));
        });
    }

    private void line(Buffer line) {
        SmtpReply reply;
        try {
            reply = parser.feed(line.toString(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            fail(new SmtpClientException("4.5.0", "malformed reply from " + target.describe() + ": " + e.getMessage()));
            return;
        }
        if (reply == null) {
            return;
        }
        Pending next = pending.poll();
        if (next == null) {
            unsolicited.add(reply); // e.g. a 421 before the server closes; the next read gets it
            return;
        }
        vertx.cancelTimer(next.timer());
        next.promise().complete(reply);
    }

    /** The next reply from the server, failing after {@code timeout}. */
    public Future<SmtpReply> read(Duration timeout) {
        if (!unsolicited.isEmpty() && pending.isEmpty()) {
            return Future.succeededFuture(unsolicited.poll());
        }
        if (broken != null) {
            return Future.failedFuture(broken);
        }
        Promise<SmtpReply> promise = Promise.promise();
        long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> fail(new SmtpClientException("4.4.7",
                "no reply from " + target.describe() + " within " + timeout)));
        pending.add(new Pending(promise, timer));
        return promise.future();
    }

    /** Writes a command line (CRLF included) and awaits its reply. */
    public Future<SmtpReply> command(String line, Duration timeout) {
        Future<SmtpReply> reply = read(timeout);
        write(Buffer.buffer(line, "UTF-8"));
        return reply;
    }

    /** Writes bytes; the future completes when the socket's write queue has room again. */
    public Future<Void> write(Buffer bytes) {
        if (broken != null) {
            return Future.failedFuture(broken);
        }
        socket.write(bytes);
        if (!socket.writeQueueFull()) {
            return Future.succeededFuture();
        }
        if (drained == null) {
            Promise<Void> waiting = Promise.promise();
            drained = waiting;
            socket.drainHandler(v -> {
                drained = null;
                waiting.tryComplete();
            });
        }
        return drained.future();
    }

    /** Writes bytes and fails the connection if the peer does not take them within {@code timeout}. */
    public Future<Void> write(Buffer bytes, Duration timeout) {
        Future<Void> written = write(bytes);
        if (written.isComplete()) {
            return written;
        }
        long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> fail(new SmtpClientException("4.4.7",
                target.describe() + " took no data for " + timeout)));
        return written.andThen(done -> vertx.cancelTimer(timer)).compose(v -> broken == null ? Future.succeededFuture()
                : Future.failedFuture(broken));
    }

    /**
     * RFC 3207 after the server's 220: drops anything the server sent in plain text after it, then
     * negotiates TLS. Trust-all: opportunistic TLS (RFC 7435 §4) guards against passive eavesdropping
     * only; without DANE/MTA-STS there is no name to verify, and refusing unverifiable certificates
     * would only push the mail back to plain text.
     */
    public Future<Void> startTls() {
        reader.discardBuffered();
        unsolicited.clear();
        return socket.upgradeToSsl(target.host()).onSuccess(v -> {
            tls = true;
            capabilities = Capabilities.NONE;
        });
    }

    private void fail(SmtpClientException reason) {
        if (broken != null) {
            return;
        }
        broken = reason;
        if (drained != null) {
            drained.tryFail(reason);
            drained = null;
        }
        while (!pending.isEmpty()) {
            Pending next = pending.poll();
            vertx.cancelTimer(next.timer());
            next.promise().tryFail(reason);
        }
        socket.close();
    }

    /** Closes without QUIT (after a failure). */
    public void abort() {
        fail(new SmtpClientException("4.4.2", "connection to " + target.describe() + " closed"));
    }

    /**
     * Polite close: QUIT, then wait for the server to close the channel after its reply (RFC 5321
     * §4.1.1.10), closing it ourselves if it has not within {@link #CLOSE_GRACE_MILLIS} (the reply
     * itself may take up to {@code timeout}). The future completes once the channel is closed, so a
     * pool counts the connection against its limit until then, but never for long after the 221.
     */
    public Future<Void> quit(Duration timeout) {
        if (broken != null) {
            return closed.future();
        }
        return command("QUIT\r\n", timeout).transform(reply -> {
            if (reply.failed()) {
                abort();
            } else {
                long timer = vertx.setTimer(Math.min(timeout.toMillis(), CLOSE_GRACE_MILLIS), t -> abort());
                closed.future().onComplete(v -> vertx.cancelTimer(timer));
            }
            return closed.future();
        });
    }

    public boolean isUsable() {
        return broken == null;
    }

    public boolean tls() {
        return tls;
    }

    public MxTarget target() {
        return target;
    }

    public Capabilities capabilities() {
        return capabilities;
    }

    void capabilities(Capabilities announced) {
        this.capabilities = announced;
    }

    public int transactions() {
        return transactions;
    }

    void countTransaction() {
        transactions++;
    }
}
