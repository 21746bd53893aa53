package io.postflow.relay.smtp;

import io.postflow.common.smtp.SmtpReply;
import io.postflow.relay.dns.MxTarget;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.SocketAddress;

/**
 * Opens a session with one MX address up to the point where a transaction can start: TCP connect,
 * 220 greeting, EHLO (HELO when EHLO gets a 5xx, RFC 5321 §4.1.4) and opportunistic STARTTLS with a
 * second EHLO (RFC 3207 §4.2). Fails with {@link HostRefusal} so the caller moves on to the next MX.
 */
public final class SessionOpener {

    private final Vertx vertx;
    private final NetClient client;
    private final int port;
    private final String heloName;
    private final SmtpTimeouts timeouts;

    /** {@code client} must allow upgrading to TLS (trust-all options, see {@link SmtpConnection#startTls()}). */
    public SessionOpener(Vertx vertx, NetClient client, int port, String heloName, SmtpTimeouts timeouts) {
        this.vertx = vertx;
        this.client = client;
        this.port = port;
        this.heloName = heloName;
        this.timeouts = timeouts;
    }

    public Future<SmtpConnection> open(MxTarget target) {
        return client.connect(SocketAddress.inetSocketAddress(port, target.address().getHostAddress()))
                .recover(e -> Future.failedFuture(new HostRefusal("cannot connect to " + target.describe() + ": "
                        + e.getMessage(), null)))
                .map(socket -> new SmtpConnection(vertx, socket, target))
                .compose(connection -> greet(connection)
                        .compose(v -> hello(connection))
                        .compose(v -> startTlsIfOffered(connection))
                        .map(connection)
                        .onFailure(e -> connection.abort()));
    }

    private Future<Void> greet(SmtpConnection connection) {
        return connection.read(timeouts.greeting()).compose(greeting -> {
            if (greeting.code() == 220) {
                return Future.succeededFuture();
            }
            // RFC 5321 §3.1: a 554 (or 4xx) greeting means no service here; QUIT and try elsewhere.
            connection.quit(timeouts.command());
            return refused(connection, "greeting", greeting);
        }, this::lost);
    }

    private Future<Void> hello(SmtpConnection connection) {
        return connection.command("EHLO " + heloName + "\r\n", timeouts.command()).compose(ehlo -> {
            if (ehlo.code() == 250) {
                connection.capabilities(Capabilities.fromEhlo(ehlo));
                return Future.succeededFuture();
            }
            if (!ehlo.isPermanent()) {
                connection.quit(timeouts.command());
                return refused(connection, "EHLO", ehlo);
            }
            return connection.command("HELO " + heloName + "\r\n", timeouts.command()).compose(helo -> {
                if (helo.code() == 250) {
                    connection.capabilities(Capabilities.NONE);
                    return Future.succeededFuture();
                }
                connection.quit(timeouts.command());
                return refused(connection, "HELO", helo);
            }, this::lost);
        }, this::lost);
    }

    private Future<Void> startTlsIfOffered(SmtpConnection connection) {
        if (!connection.capabilities().startTls() || connection.tls()) {
            return Future.succeededFuture();
        }
        return connection.command("STARTTLS\r\n", timeouts.command()).compose(reply -> {
            if (reply.code() != 220) {
                // Opportunistic: a refused STARTTLS leaves the plain session as it was (RFC 3207 §4).
                return Future.succeededFuture();
            }
            return connection.startTls()
                    .recover(e -> Future.failedFuture(new HostRefusal("TLS handshake with "
                            + connection.target().describe() + " failed: " + e.getMessage(), null)))
                    .compose(v -> hello(connection));
        }, this::lost);
    }

    private static Future<Void> refused(SmtpConnection connection, String step, SmtpReply reply) {
        return Future.failedFuture(new HostRefusal(connection.target().describe() + " refused " + step + ": "
                + ReplyOutcomes.text(reply), reply));
    }

    private <T> Future<T> lost(Throwable error) {
        return Future.failedFuture(new HostRefusal(error.getMessage(), null));
    }
}
