package io.postflow.gateway.imap.session;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/** What a session may do with its connection; the socket stays in the server package. */
public interface ImapConnection {

    void write(byte[] bytes);

    /** Pipes a body into the connection without ending it (a literal's octets). */
    Future<Void> stream(ReadStream<Buffer> body);

    /** Completes once the peer has read enough for writing to go on (backpressure). */
    Future<Void> drained();

    Future<Void> startTls();

    boolean tlsActive();

    boolean tlsAvailable();

    boolean loopback();

    String clientAddress();

    void close();

    /** Runs {@code action} after {@code delayMillis} on the connection's event loop; returns a cancel action. */
    Runnable schedule(long delayMillis, Runnable action);

    /** Runs {@code action} on the connection's event loop (for events from other threads). */
    void execute(Runnable action);
}
