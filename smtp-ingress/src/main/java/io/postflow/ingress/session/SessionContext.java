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

    /** (Re)starts the wait for the client: it must send something within {@code timeout}. */
    public void awaitClient(Duration timeout) {
        stopWaiting();
        clientTimer = connection.schedule(timeout.toMillis(), onClientTimeout);
    }

    /** The server is busy (a command runs): the client owes nothing. */
    public void stopWaiting() {
        if (clientTimer != null) {
            clientTimer.cancel();
            clientTimer = null;
        }
    }
}
