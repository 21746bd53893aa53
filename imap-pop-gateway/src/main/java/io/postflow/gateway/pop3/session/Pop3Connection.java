package io.postflow.gateway.pop3.session;

import io.vertx.core.Future;

/** What a POP3 session may do with its connection; the socket stays in the server package. */
public interface Pop3Connection {

    void write(byte[] bytes);

    /** True while the peer has not read enough of what was written (backpressure). */
    boolean writeQueueFull();

    /** Completes once the peer has read enough for writing to go on, or the connection closed. */
    Future<Void> drained();

    Future<Void> startTls();

    boolean tlsActive();

    boolean tlsAvailable();

    boolean loopback();

    String clientAddress();

    void close();

    /** False once the connection closed, whoever closed it. */
    boolean isOpen();

    /** Runs {@code action} after {@code delayMillis} on the connection's event loop; returns a cancel action. */
    Runnable schedule(long delayMillis, Runnable action);

    /** Runs {@code action} every {@code periodMillis} on the connection's event loop; returns a cancel action. */
    Runnable periodic(long periodMillis, Runnable action);
}
