package io.postflow.ingress.session;

import io.postflow.common.record.TlsInfo;
import io.postflow.common.smtp.SmtpReply;
import io.smallrye.mutiny.Uni;

/**
 * What a session may do with its client connection. The session never sees the socket: the
 * server adapts a Vert.x NetSocket to this port, transcript tests use a fake.
 */
public interface Connection {

    /**
     * Sends a reply. The Uni completes once the reply is queued and the write queue has room
     * again, so a client that does not read its replies stops being read (backpressure).
     */
    Uni<Void> reply(SmtpReply reply);

    /** Whether a certificate is configured, i.e. STARTTLS can be offered (RFC 3207). */
    boolean tlsAvailable();

    /** Starts the TLS handshake on this connection (after the 220 to STARTTLS). */
    Uni<Void> startTls();

    /** The TLS parameters, or null while the connection is in plain text. */
    TlsInfo tls();

    /** The client's IP address in textual form. */
    String clientAddress();

    /** True for 127.0.0.0/8 and ::1, where plain-text AUTH may be allowed (CONTRACT). */
    boolean loopback();

    /** Closes the connection after whatever was written. */
    void close();

    /**
     * Runs {@code action} on this connection's event loop: Kafka acknowledgements and HTTP answers
     * arrive on other threads, and a session is only ever touched from its own loop.
     */
    void execute(Runnable action);

    /** The connection's clock in milliseconds, for timeouts. */
    long nowMillis();

    /** Runs {@code action} on this connection's event loop after {@code delay} milliseconds. */
    Cancellable schedule(long delayMillis, Runnable action);

    /** A timer that can be stopped. */
    interface Cancellable {
        void cancel();
    }
}
