package io.postflow.gateway.imap.session;

import io.postflow.gateway.imap.protocol.ImapWriter;
import io.vertx.core.Future;
import java.util.function.Supplier;

/** What a command handler sees of its session. */
public interface SessionContext {

    ImapState state();

    void state(ImapState state);

    /** Writes untagged responses. */
    void write(ImapWriter untagged);

    ImapConnection connection();

    SessionSettings settings();

    /** Sends a {@code +} continuation and reads the client's next line (RFC 3501 §7.5). */
    Future<String> continuation(String base64Challenge);

    /**
     * IDLE (RFC 2177): sends the {@code +} continuation, pushes the selected mailbox's changes as
     * they happen, and completes with the client's next line (which should be DONE) once no push is
     * in flight.
     */
    Future<String> idle();

    /** Runs after the tagged response is written (STARTTLS's handshake, LOGOUT's close). */
    void afterReply(Supplier<Future<Void>> action);

    /** Runs {@code release} when the connection closes (e.g. to give back the user's session slot). */
    void onClose(Runnable release);

    /** The account, or IllegalStateException before login. */
    default String account() {
        ImapState state = state();
        if (state instanceof ImapState.Authenticated a) {
            return a.account();
        }
        if (state instanceof ImapState.Selected s) {
            return s.account();
        }
        throw new IllegalStateException("not authenticated");
    }

    /** The selected view, or null. */
    default SelectedView view() {
        return state() instanceof ImapState.Selected s ? s.view() : null;
    }

    /** The capabilities to announce now (they depend on TLS and login). */
    String capabilities();

    /** LOGIN and AUTHENTICATE need TLS, except from loopback when configured (CONTRACT). */
    boolean loginAllowed();

    /** This command changed the selected mailbox: ask for its changes before the tagged reply. */
    void markChanged();

    /** Whether the client enabled CONDSTORE (RFC 7162 §3.1): MODSEQ then goes with every FETCH of flags. */
    boolean condstore();

    /**
     * Enables CONDSTORE for the rest of the connection. The first time, with a mailbox selected, the
     * client is told its HIGHESTMODSEQ in an untagged OK (RFC 7162 §3.1).
     */
    void enableCondstore();

    /** STARTTLS accepted: drop pipelined plain text before the handshake (RFC 3501 §6.2.1). */
    void discardPlaintext();
}
