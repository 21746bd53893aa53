package io.postflow.ingress.session;

import io.postflow.common.address.ReversePath;
import io.postflow.common.record.MailParameters;
import io.postflow.common.record.Recipient;
import io.postflow.ingress.protocol.ChunkReceiver;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One mail transaction (RFC 5321 §3.3): from MAIL to the end of the data or RSET.
 *
 * @param from       the reverse-path
 * @param parameters MAIL's ESMTP parameters
 * @param recipients accepted recipients in RCPT order
 * @param chunks     the BDAT chunks received so far (RFC 3030), or null while no BDAT came
 */
public record Transaction(ReversePath from, MailParameters parameters, List<Recipient> recipients, ChunkReceiver chunks) {

    public Transaction {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(parameters, "parameters");
        recipients = List.copyOf(recipients);
    }

    public static Transaction begin(ReversePath from, MailParameters parameters) {
        return new Transaction(from, parameters, List.of(), null);
    }

    public Transaction withRecipient(Recipient recipient) {
        List<Recipient> more = new ArrayList<>(recipients);
        more.add(recipient);
        return new Transaction(from, parameters, more, chunks);
    }

    public Transaction withChunks(ChunkReceiver receiver) {
        return new Transaction(from, parameters, recipients, receiver);
    }

    /** BDAT started: DATA is out of sequence for the rest of the transaction (RFC 3030 §2). */
    public boolean chunking() {
        return chunks != null;
    }
}
