package io.postflow.gateway.pop3.session;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.Supplier;

/** What a command handler sees of its session. */
public interface Pop3Context {

    Pop3State state();

    void state(Pop3State state);

    Pop3Connection connection();

    Pop3Settings settings();

    /** A short id of this session for logs and the lease holder. */
    String id();

    /** The CAPA lines for the current state and connection (RFC 2449 §5). */
    List<String> capabilities();

    /** USER/PASS and AUTH PLAIN need TLS, except from loopback when configured (CONTRACT). */
    boolean loginAllowed();

    /** Sends a {@code +} continuation (RFC 5034 §4) and reads the client's next line as is. */
    Future<String> continuation(String base64Challenge);

    /** Runs after the reply is written (STLS's handshake, QUIT's close). */
    void afterReply(Supplier<Future<Void>> action);

    /** Claims one of the user's connection slots; false when the user has too many. Released at close. */
    boolean claimUser(String user);

    /** Gives the user slot back (a failed login). */
    void releaseUser();

    /** Counts a failed login; answers how many this connection had. */
    int authFailed();

    /** The maildrop is locked: renew its lease while the session lives, release it if the connection drops. */
    void holdLease(String account, MaildropView maildrop);

    /**
     * QUIT enters the UPDATE state: renewals stop, since the QUIT call itself ends the lease and a
     * renewal answered after it must not be taken for a lost lease.
     */
    void updating();

    /** QUIT released the lease (with the deletions): nothing is left to release at close. */
    void leaseReleased();

    Pop3Metrics metrics();

    /** STLS accepted: drop plain text pipelined behind it, right before the handshake (CVE-2011-0411). */
    void discardPlaintext();

    /** True when the peer sent more than the reader buffers after STLS: plain text may still be in flight. */
    boolean plaintextOverflowed();
}
