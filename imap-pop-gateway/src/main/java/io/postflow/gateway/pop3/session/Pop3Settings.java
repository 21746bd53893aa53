package io.postflow.gateway.pop3.session;

import java.time.Duration;

/**
 * Per-session limits and policy, from configuration.
 *
 * @param idleTimeoutMillis   idle time before the session is closed without UPDATE (RFC 1939 §3: at least 10 minutes)
 * @param plaintextOnLoopback USER/PASS and AUTH PLAIN without TLS from loopback (CONTRACT)
 * @param maxAuthFailures     failed logins before the connection is closed
 * @param authFailureDelay    the n-th failure is answered after n times this
 * @param leaseTtl            maildrop lease lifetime, renewed every third of it
 */
public record Pop3Settings(long idleTimeoutMillis, boolean plaintextOnLoopback, int maxAuthFailures,
                           Duration authFailureDelay, Duration leaseTtl) {
}
