package io.postflow.ingress.session;

import java.time.Duration;
import java.util.Objects;

/**
 * Connection-scoped facts and ports of one session, handed to every handler: unlike
 * {@link SmtpState} it does not change with commands (a few counters aside).
 */
public final class SessionContext {

    private final String id;
    private final ListenerKind listener;
    private final Connection connection;
    private final Inbound inbound;
    private final SessionSettings settings;
    private Runnable onClientTimeout = () -> { };
    private Connection.Cancellable clientTimer;
    /** When the client must have sent something, on the connection's clock; valid while waiting. */
    private long deadline;
    /** When the pending timer fires; it may fire early and re-arm for the rest. */
    private long timerDue;
    private int authFailures;

    public SessionContext(String id, ListenerKind listener, Connection connection, Inbound inbound, SessionSettings settings) {
        this.id = Objects.requireNonNull(id);
        this.listener = Objects.requireNonNull(listener);
        this.connection = Objects.requireNonNull(connection);
        this.inbound = Objects.requireNonNull(inbound);
        this.settings = Objects.requireNonNull(settings);
    }

    public String id() {
        return id;
    }

    public ListenerKind listener() {
        return listener;
    }

    public Connection connection() {
        return connection;
    }

    public Inbound inbound() {
        return inbound;
    }

    public SessionSettings settings() {
        return settings;
    }

    public String clientAddress() {
        return connection.clientAddress();
    }

    /** The connection is encrypted (STARTTLS done or implicit TLS). */
    public boolean secure() {
        return connection.tls() != null;
    }

    /**
     * Whether AUTH PLAIN/LOGIN may run now: over TLS, or from loopback when the CONTRACT flag
     * allows it; otherwise 538 5.7.11 (RFC 4954 §4).
     */
    public boolean plaintextAuthAllowed() {
        return secure() || (connection.loopback() && settings.allowPlaintextOnLoopback());
    }

    /** Counts a failed AUTH and returns the count so far. */
    public int authFailed() {
        return ++authFailures;
    }

    /** Set by the session: what happens when the client stays silent too long. */
    void onClientTimeout(Runnable action) {
        this.onClientTimeout = action;
    }

    /**
     * (Re)starts the wait for the client: it must send something within {@code timeout}. Called
     * for every DATA line, so it only moves the deadline; the one pending timer checks it when it
     * fires and re-arms for the rest, instead of a timer being replaced per line.
     */
    public void awaitClient(Duration timeout) {
        long now = connection.nowMillis();
        deadline = now + timeout.toMillis();
        if (clientTimer != null && timerDue > deadline) {
            stopWaiting(); // a shorter wait than the pending timer's (command → data block)
        }
        if (clientTimer == null) {
            arm(now, deadline - now);
        }
    }

    private void arm(long now, long delay) {
        timerDue = now + delay;
        clientTimer = connection.schedule(delay, this::deadlineCheck);
    }

    private void deadlineCheck() {
        clientTimer = null;
        long now = connection.nowMillis();
        if (now < deadline) {
            arm(now, deadline - now);
        } else {
            onClientTimeout.run();
        }
    }

    /** The server is busy (a command runs): the client owes nothing. */
    public void stopWaiting() {
        if (clientTimer != null) {
            clientTimer.cancel();
            clientTimer = null;
        }
    }
}
