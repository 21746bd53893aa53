package io.postflow.gateway.pop3.protocol;

/**
 * A decoded POP3 command (RFC 1939 §4–7, RFC 2449 CAPA, RFC 2595 STLS, RFC 5034 AUTH). Message
 * numbers are as the client sent them (1-based); whether they exist is the session's business.
 */
public sealed interface Pop3Command {

    /** The keyword, upper case, for metrics and logs. */
    String keyword();

    record User(String name) implements Pop3Command {
        public String keyword() {
            return "USER";
        }
    }

    /** The password is everything after "PASS " (RFC 1939 §7: it may contain spaces). */
    record Pass(String password) implements Pop3Command {
        public String keyword() {
            return "PASS";
        }

        @Override
        public String toString() {
            return "Pass[***]"; // never log a password
        }
    }

    /** {@code mechanism} null: list the mechanisms. {@code initialResponse} null: none given. */
    record Auth(String mechanism, String initialResponse) implements Pop3Command {
        public String keyword() {
            return "AUTH";
        }

        @Override
        public String toString() {
            return "Auth[" + mechanism + "]";
        }
    }

    record Apop(String name, String digest) implements Pop3Command {
        public String keyword() {
            return "APOP";
        }
    }

    record Stls() implements Pop3Command {
        public String keyword() {
            return "STLS";
        }
    }

    record Capa() implements Pop3Command {
        public String keyword() {
            return "CAPA";
        }
    }

    record Stat() implements Pop3Command {
        public String keyword() {
            return "STAT";
        }
    }

    /** {@code message} null: the whole scan listing. */
    record List(Integer message) implements Pop3Command {
        public String keyword() {
            return "LIST";
        }
    }

    record Retr(int message) implements Pop3Command {
        public String keyword() {
            return "RETR";
        }
    }

    record Dele(int message) implements Pop3Command {
        public String keyword() {
            return "DELE";
        }
    }

    record Noop() implements Pop3Command {
        public String keyword() {
            return "NOOP";
        }
    }

    record Rset() implements Pop3Command {
        public String keyword() {
            return "RSET";
        }
    }

    record Quit() implements Pop3Command {
        public String keyword() {
            return "QUIT";
        }
    }

    record Top(int message, int lines) implements Pop3Command {
        public String keyword() {
            return "TOP";
        }
    }

    /** {@code message} null: the whole unique-id listing. */
    record Uidl(Integer message) implements Pop3Command {
        public String keyword() {
            return "UIDL";
        }
    }
}
