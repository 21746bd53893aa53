package io.postflow.ingress.auth;

/** The response an AUTH exchange waits for (RFC 4954 §4, RFC 4616, draft-murchison-sasl-login). */
public sealed interface SaslStep {

    /** PLAIN without an initial response: the server sent an empty 334 and waits for the credentials. */
    record AwaitPlain() implements SaslStep {
    }

    /** LOGIN: waiting for the user name. */
    record AwaitLoginUser() implements SaslStep {
    }

    /** LOGIN: waiting for the password of {@code user}. */
    record AwaitLoginPassword(String user) implements SaslStep {
        @Override
        public String toString() {
            return "AwaitLoginPassword[user=" + user + "]";
        }
    }
}
