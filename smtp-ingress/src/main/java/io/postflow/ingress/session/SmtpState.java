package io.postflow.ingress.session;

import io.postflow.ingress.auth.SaslStep;
import io.postflow.ingress.protocol.DataReceiver;
import java.util.Objects;

/** Where a session stands. Each state holds only the data valid in it (STYLE §4). */
public sealed interface SmtpState {

    /** After the greeting or STARTTLS: EHLO or HELO comes first (RFC 5321 §4.1.4). */
    record Connected() implements SmtpState {
    }

    /** Greeted, no transaction open. */
    record Greeted(Identity identity) implements SmtpState {
        public Greeted {
            Objects.requireNonNull(identity, "identity");
        }
    }

    /** MAIL accepted; RCPT, DATA or BDAT may follow. */
    record InTransaction(Identity identity, Transaction transaction) implements SmtpState {
        public InTransaction {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(transaction, "transaction");
        }
    }

    /** Between 354 and the final dot: lines are message text, not commands. */
    record ReceivingData(Identity identity, Transaction transaction, DataReceiver receiver) implements SmtpState {
        public ReceivingData {
            Objects.requireNonNull(receiver, "receiver");
        }
    }

    /** Inside an AUTH exchange (RFC 4954 §4): lines are SASL responses, not commands. */
    record Authenticating(Identity identity, SaslStep step) implements SmtpState {
        public Authenticating {
            Objects.requireNonNull(step, "step");
        }
    }
}
