package io.postflow.gateway.pop3.command;

import io.postflow.gateway.mailbox.MailboxClient;
import io.postflow.gateway.pop3.protocol.ContentEncoder;
import io.postflow.gateway.pop3.protocol.Pop3Reply;
import io.postflow.gateway.pop3.session.MaildropView;
import io.postflow.gateway.pop3.session.Pop3Connection;
import io.postflow.gateway.pop3.session.Pop3Context;
import io.postflow.gateway.pop3.session.Pop3Session;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClientResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;

/**
 * RETR and TOP: streams the message from mailbox-service's content endpoint into the socket
 * through the {@link ContentEncoder}, chunk by chunk, pausing the HTTP response while the client
 * does not read (backpressure): a message is never held whole in memory. {@code TOP n 0} asks for the
 * header section only; a TOP with body lines reads the rest of a small message to its end so the
 * pooled HTTP connection stays usable, and drops the connection only when the rest is large.
 */
@ApplicationScoped
public class ContentStreamer {

    /** Below this many octets, the unwanted rest of a TOP is read and discarded rather than the connection reset. */
    public static final long DRAIN_LIMIT = 256 * 1024;

    private final MailboxClient mailbox;

    public ContentStreamer(MailboxClient mailbox) {
        this.mailbox = mailbox;
    }

    /** RETR: the whole message. */
    Future<Pop3Reply> whole(Pop3Context session, int n, String status) {
        return send(session, n, "", ContentEncoder.whole(), status);
    }

    /** TOP: the header, the blank line and the first {@code lines} lines of the body (RFC 1939 §7). */
    Future<Pop3Reply> top(Pop3Context session, int n, int lines, String status) {
        // The HEADER section ends with the blank line, which is all that TOP n 0 wants.
        return send(session, n, lines == 0 ? "HEADER" : "", ContentEncoder.top(lines), status);
    }

    private Future<Pop3Reply> send(Pop3Context session, int n, String section, ContentEncoder encoder, String status) {
        MaildropView drop = Transactions.maildrop(session);
        if (!drop.exists(n)) {
            return Future.succeededFuture(Transactions.noSuchMessage(drop, n));
        }
        boolean drainRest = drop.octets(n) <= DRAIN_LIMIT;
        return mailbox.content(Transactions.account(session), drop.mailboxId(), drop.uid(n), section, -1, -1)
                .compose(response -> {
                    Pop3Connection connection = session.connection();
                    connection.write(("+OK " + status + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    return pipe(response, encoder, connection, drainRest);
                })
                .map(octets -> {
                    session.metrics().retrieved(octets);
                    return Pop3Session.WRITTEN;
                })
                // Cut after the status line: the connection is closed already, nothing more to say.
                .recover(e -> e instanceof StreamBroken ? Future.succeededFuture(Pop3Session.WRITTEN) : Future.failedFuture(e));
    }

    private static Future<Long> pipe(HttpClientResponse response, ContentEncoder encoder, Pop3Connection connection,
                                     boolean drainRest) {
        Promise<Long> done = Promise.promise();
        long[] octets = {0};
        response.handler(chunk -> {
            if (encoder.complete()) {
                return;
            }
            if (!connection.isOpen()) {
                // The client went away mid-message: stop reading the rest from mailbox-service.
                done.tryComplete(octets[0]);
                response.handler(null);
                response.exceptionHandler(null);
                response.request().reset();
                return;
            }
            octets[0] += chunk.length();
            byte[] out = encoder.encode(chunk.getBytes());
            if (out.length > 0) {
                connection.write(out);
            }
            if (encoder.complete()) {
                // TOP has its lines. Complete first: the client's answer is whole, whatever happens to the rest.
                connection.write(encoder.end());
                done.tryComplete(octets[0]);
                if (drainRest) {
                    response.handler(ignored -> { });
                    response.exceptionHandler(ignored -> { });
                } else {
                    // A large rest is not worth reading: drop the HTTP connection (the reset reports itself to the
                    // exception handler, which must not close the client).
                    response.handler(null);
                    response.exceptionHandler(null);
                    response.request().reset();
                }
            } else if (connection.writeQueueFull()) {
                response.pause();
                connection.drained().onComplete(v -> response.resume());
            }
        });
        response.endHandler(v -> {
            if (!encoder.complete()) {
                connection.write(encoder.end());
            }
            done.tryComplete(octets[0]);
        });
        response.exceptionHandler(e -> {
            if (done.tryFail(new StreamBroken(e))) {
                // The +OK line is out and the body is cut: the client cannot be told, only disconnected.
                connection.close();
            }
        });
        return done.future();
    }

    /** The stream broke after the status line: the connection is closed, no reply follows. */
    static final class StreamBroken extends RuntimeException {
        StreamBroken(Throwable cause) {
            super(cause.toString(), cause, false, false);
        }
    }
}
