package io.postflow.testkit.smtp;

import java.util.List;
import java.util.Map;

/**
 * One mail transaction an {@link SmtpSink} saw through to its end of data.
 *
 * @param connection     number of the connection it arrived on (1, 2, … in accept order)
 * @param localAddress   the sink address the client connected to, e.g. "127.0.0.3"
 * @param helo           the EHLO/HELO argument
 * @param tls            whether STARTTLS was in force
 * @param mailFrom       reverse-path without angle brackets
 * @param mailParameters MAIL parameters, keywords upper-cased, values as sent (null when valueless)
 * @param recipients     every RCPT with its parameters and the reply the sink gave it
 * @param data           message bytes after dot un-stuffing (DATA) or as chunked (BDAT)
 * @param bdat           whether the data came by BDAT
 * @param finalReply     the sink's reply to the end of data, e.g. "250 2.0.0 queued"
 */
public record ReceivedTransaction(int connection, String localAddress, String helo, boolean tls, String mailFrom,
                                  Map<String, String> mailParameters, List<Rcpt> recipients, byte[] data, boolean bdat,
                                  String finalReply) {

    /** One RCPT: the address, its parameters and the reply line the sink answered. */
    public record Rcpt(String address, Map<String, String> parameters, String reply) {
        public boolean accepted() {
            return reply.startsWith("2");
        }
    }

    /** Addresses of the recipients the sink accepted. */
    public List<String> acceptedRecipients() {
        return recipients.stream().filter(Rcpt::accepted).map(Rcpt::address).toList();
    }
}
