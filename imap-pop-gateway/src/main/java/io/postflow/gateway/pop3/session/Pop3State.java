package io.postflow.gateway.pop3.session;

/** The session states of RFC 1939 §3, each holding only what is valid in it. */
public sealed interface Pop3State {

    /** Before login; {@code user} is the name a USER command gave, or null. */
    record Authorization(String user) implements Pop3State {
    }

    /** Logged in with the maildrop locked. */
    record Transaction(String account, MaildropView maildrop) implements Pop3State {
    }

    /** After QUIT (the UPDATE state, RFC 1939 §6) or once the connection is gone. */
    record Closed() implements Pop3State {
    }
}
