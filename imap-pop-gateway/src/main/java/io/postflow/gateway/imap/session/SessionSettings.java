package io.postflow.gateway.imap.session;

/**
 * Per-session limits and policy, from configuration.
 *
 * @param maxLiteral            largest literal after login (APPEND)
 * @param maxLiteralBeforeLogin largest literal before login
 * @param maxCommandBytes       lines and literals of one command together, APPEND's literal aside
 * @param autologoutMillis      idle time before {@code * BYE} (RFC 3501 §5.4: at least 30 minutes)
 * @param plaintextOnLoopback   LOGIN/AUTHENTICATE without TLS from loopback
 * @param idleCoalesceMillis    during IDLE, how long change hints are gathered before one catch-up
 */
public record SessionSettings(long maxLiteral, long maxLiteralBeforeLogin, long maxCommandBytes, long autologoutMillis,
                              boolean plaintextOnLoopback, long idleCoalesceMillis) {
}
