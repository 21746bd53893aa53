package io.postflow.common.smtp;

import io.postflow.common.address.ForwardPath;
import io.postflow.common.address.ReversePath;
import java.util.Map;
import java.util.Objects;

/**
 * A decoded SMTP command (RFC 5321 §4.1.1 and the extensions Postflow speaks). Strings stop at the
 * decoder: sessions dispatch on these types, never on command text.
 */
public sealed interface SmtpCommand {

    /** RFC 5321 §4.1.1.1; the argument as sent (a domain or an address literal). */
    record Ehlo(String domain) implements SmtpCommand {
    }

    record Helo(String domain) implements SmtpCommand {
    }

    /** RFC 5321 §4.1.1.2; parameter keywords upper-cased, values as sent (null when valueless). */
    record Mail(ReversePath from, Map<String, String> parameters) implements SmtpCommand {
        public Mail {
            Objects.requireNonNull(from);
            parameters = EsmtpParameters.immutable(parameters);
        }
    }

    /** RFC 5321 §4.1.1.3. */
    record Rcpt(ForwardPath to, Map<String, String> parameters) implements SmtpCommand {
        public Rcpt {
            Objects.requireNonNull(to);
            parameters = EsmtpParameters.immutable(parameters);
        }
    }

    record Data() implements SmtpCommand {
    }

    /** RFC 3030 CHUNKING: {@code BDAT size [LAST]}. */
    record Bdat(long size, boolean last) implements SmtpCommand {
    }

    record Rset() implements SmtpCommand {
    }

    record Noop() implements SmtpCommand {
    }

    record Quit() implements SmtpCommand {
    }

    /** RFC 5321 §4.1.1.6. */
    record Vrfy(String argument) implements SmtpCommand {
    }

    /** RFC 5321 §4.1.1.7. */
    record Expn(String argument) implements SmtpCommand {
    }

    /** RFC 5321 §4.1.1.8; topic may be null. */
    record Help(String topic) implements SmtpCommand {
    }

    /** RFC 3207. */
    record StartTls() implements SmtpCommand {
    }

    /**
     * RFC 4954 §4: {@code AUTH mechanism [initial-response]}. The initial response is the base64
     * text as sent, {@code ""} for {@code =} (an empty response), null when absent.
     */
    record Auth(String mechanism, String initialResponse) implements SmtpCommand {
    }
}
