package io.postflow.relay.smtp;

import io.postflow.common.record.Recipient;
import io.postflow.common.smtp.DotStuffer;
import io.postflow.common.smtp.SmtpReply;
import io.postflow.relay.outbound.OutboundRequest;
import io.postflow.relay.outbound.RecipientOutcome;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One mail transaction on an open session (RFC 5321 §3.3): MAIL, RCPT per recipient (batched when
 * the server offers PIPELINING, RFC 2920), then DATA with dot-stuffing or BDAT chunks (RFC 3030),
 * and a settled outcome per recipient. Checks before sending anything what the server cannot take:
 * SIZE (5.3.4), 8-bit content without 8BITMIME (5.6.3), UTF-8 addresses without SMTPUTF8 (5.6.7) —
 * the message is never down-converted or otherwise changed.
 */
public final class SmtpTransaction {

    /** Outcomes in request order, and whether the session can carry another transaction. */
    public record Result(List<RecipientOutcome> outcomes, boolean reusable) {
    }

    /** Stuffed DATA is written in blocks of this size, each under the data-block timeout. */
    private static final int DATA_BLOCK = 64 * 1024;

    private final SmtpTimeouts timeouts;
    private final int chunkSize;

    public SmtpTransaction(SmtpTimeouts timeouts, int chunkSize) {
        this.timeouts = timeouts;
        this.chunkSize = chunkSize;
    }

    public Future<Result> run(SmtpConnection connection, OutboundRequest request, MessageTraits traits) {
        try {
            return new Run(connection, request, traits).start();
        } catch (RuntimeException bug) {
            return Future.failedFuture(bug); // the caller still gets a future to release the session on
        }
    }

    /** The state of one transaction: who is settled, who was accepted. */
    private final class Run {
        private final SmtpConnection connection;
        private final OutboundRequest request;
        private final MessageTraits traits;
        private final Capabilities server;
        private final String mta;
        private final RecipientOutcome[] outcomes;
        private final List<Integer> accepted = new ArrayList<>();

        Run(SmtpConnection connection, OutboundRequest request, MessageTraits traits) {
            this.connection = connection;
            this.request = request;
            this.traits = traits;
            this.server = connection.capabilities();
            this.mta = connection.target().host();
            this.outcomes = new RecipientOutcome[request.recipients().size()];
        }

        Future<Result> start() {
            String refusal = precheck();
            if (refusal != null) {
                return Future.succeededFuture(new Result(settleAll(refusal), true));
            }
            String mail;
            try {
                mail = EnvelopeCommands.mail(request.mailFrom(), request.mailParameters(), traits, server);
            } catch (IllegalArgumentException e) {
                return Future.succeededFuture(new Result(settleAllLocal(true, "5.1.7", e.getMessage()), true));
            }
            List<String> rcpts = new ArrayList<>();
            for (int i = 0; i < outcomes.length; i++) {
                Recipient recipient = request.recipients().get(i);
                try {
                    rcpts.add(EnvelopeCommands.rcpt(recipient, traits, server));
                } catch (IllegalArgumentException e) {
                    rcpts.add(null);
                    outcomes[i] = ReplyOutcomes.local(recipient, true, "5.1.3", e.getMessage(), null);
                }
            }
            connection.countTransaction();
            Future<Boolean> envelope = server.pipelining() ? pipelined(mail, rcpts) : sequential(mail, rcpts);
            return envelope
                    .compose(mailAccepted -> mailAccepted && !accepted.isEmpty() ? message() : reset())
                    .map(reusable -> new Result(complete(), reusable && connection.isUsable()))
                    .recover(this::broken);
        }

        /** Null when the server can take the message, else {@code status text} of the refusal. */
        private String precheck() {
            String host = connection.target().describe();
            if (server.size() && server.maxSize() > 0 && traits.size() > server.maxSize()) {
                return "5.3.4 message of " + traits.size() + " octets exceeds the limit of " + server.maxSize()
                        + " octets announced by " + host;
            }
            if (traits.binary() && !(server.binaryMime() && server.chunking())) {
                return "5.6.3 binary message, and " + host + " does not offer BINARYMIME with CHUNKING";
            }
            if (traits.eightBit() && !server.eightBitMime()) {
                return "5.6.3 8-bit message, and " + host + " does not offer 8BITMIME";
            }
            if (traits.smtpUtf8() && !server.smtpUtf8()) {
                return "5.6.7 internationalized addresses, and " + host + " does not offer SMTPUTF8";
            }
            return null;
        }

        private Future<Boolean> pipelined(String mail, List<String> rcpts) {
            StringBuilder batch = new StringBuilder(mail);
            Future<SmtpReply> mailReply = connection.read(timeouts.mail());
            List<Future<SmtpReply>> rcptReplies = new ArrayList<>();
            for (String rcpt : rcpts) {
                if (rcpt != null) {
                    batch.append(rcpt);
                    rcptReplies.add(connection.read(timeouts.rcpt()));
                } else {
                    rcptReplies.add(null);
                }
            }
            connection.write(Buffer.buffer(batch.toString(), "UTF-8"));
            List<Future<SmtpReply>> all = new ArrayList<>(rcptReplies.stream().filter(f -> f != null).toList());
            all.add(mailReply);
            return Future.all(all).map(done -> {
                if (!mailReply.result().isPositive()) {
                    settleUnsettled(mailReply.result());
                    return false;
                }
                for (int i = 0; i < rcptReplies.size(); i++) {
                    if (rcptReplies.get(i) != null) {
                        recipientReply(i, rcptReplies.get(i).result());
                    }
                }
                return true;
            });
        }

        private Future<Boolean> sequential(String mail, List<String> rcpts) {
            return connection.command(mail, timeouts.mail()).compose(reply -> {
                if (!reply.isPositive()) {
                    settleUnsettled(reply);
                    return Future.succeededFuture(false);
                }
                Future<Void> chain = Future.succeededFuture();
                for (int i = 0; i < rcpts.size(); i++) {
                    int index = i;
                    String rcpt = rcpts.get(i);
                    if (rcpt != null) {
                        chain = chain.compose(v -> connection.command(rcpt, timeouts.rcpt())
                                .map(r -> {
                                    recipientReply(index, r);
                                    return null;
                                }));
                    }
                }
                return chain.map(true);
            });
        }

        private void recipientReply(int index, SmtpReply reply) {
            if (reply.isPositive()) {
                accepted.add(index);
            } else {
                outcomes[index] = ReplyOutcomes.of(request.recipients().get(index), reply, mta);
            }
        }

        private Future<Boolean> message() {
            Future<SmtpReply> last = server.chunking() ? bdat() : data();
            return last.compose(reply -> {
                for (int index : accepted) {
                    outcomes[index] = ReplyOutcomes.of(request.recipients().get(index), reply, mta);
                }
                if (reply.code() == 421) {
                    return Future.succeededFuture(false);
                }
                return reply.isPositive() ? Future.succeededFuture(true) : reset();
            });
        }

        /** DATA, 354, the stuffed message, the end-of-data dot; returns the 354 refusal or the final reply. */
        private Future<SmtpReply> data() {
            return connection.command("DATA\r\n", timeouts.dataInit()).compose(go -> {
                if (go.code() != 354) {
                    return Future.succeededFuture(go);
                }
                DotStuffer stuffer = new DotStuffer();
                return writeStuffed(stuffer, 0)
                        .compose(v -> connection.write(Buffer.buffer(stuffer.end()), timeouts.dataBlock()))
                        .compose(v -> connection.read(timeouts.dataTermination()));
            });
        }

        private Future<Void> writeStuffed(DotStuffer stuffer, int offset) {
            Buffer message = request.message();
            if (offset >= message.length()) {
                return Future.succeededFuture();
            }
            int end = Math.min(message.length(), offset + DATA_BLOCK);
            byte[] block = message.getBytes(offset, end);
            return connection.write(Buffer.buffer(stuffer.stuff(block)), timeouts.dataBlock())
                    .compose(v -> writeStuffed(stuffer, end));
        }

        /** BDAT chunks, each answered before the next is sent; returns the first refusal or the LAST reply. */
        private Future<SmtpReply> bdat() {
            return bdatFrom(0);
        }

        private Future<SmtpReply> bdatFrom(int offset) {
            Buffer message = request.message();
            int end = Math.min(message.length(), offset + chunkSize);
            boolean last = end >= message.length();
            Buffer chunk = Buffer.buffer("BDAT " + (end - offset) + (last ? " LAST" : "") + "\r\n")
                    .appendBuffer(message, offset, end - offset);
            return connection.write(chunk, timeouts.dataBlock())
                    .compose(v -> connection.read(last ? timeouts.dataTermination() : timeouts.dataBlock()))
                    .compose(reply -> last || !reply.isPositive() ? Future.succeededFuture(reply) : bdatFrom(end));
        }

        /** RSET after a transaction that did not complete (RFC 5321 §4.1.1.5); true if the session is clean. */
        private Future<Boolean> reset() {
            if (!connection.isUsable()) {
                return Future.succeededFuture(false);
            }
            return connection.command("RSET\r\n", timeouts.command()).map(reply -> reply.code() == 250);
        }

        private Future<Result> broken(Throwable error) {
            connection.abort();
            String status = error instanceof SmtpClientException e ? e.status() : "4.4.2";
            String text = "X-Postflow; " + error.getMessage();
            for (int i = 0; i < outcomes.length; i++) {
                if (outcomes[i] == null) {
                    outcomes[i] = new RecipientOutcome(request.recipients().get(i), RecipientOutcome.Kind.TEMPORARY,
                            status, text, mta);
                }
            }
            return Future.succeededFuture(new Result(Arrays.asList(outcomes), false));
        }

        private void settleUnsettled(SmtpReply reply) {
            for (int i = 0; i < outcomes.length; i++) {
                if (outcomes[i] == null) {
                    outcomes[i] = ReplyOutcomes.of(request.recipients().get(i), reply, mta);
                }
            }
        }

        private List<RecipientOutcome> settleAll(String statusAndText) {
            int space = statusAndText.indexOf(' ');
            return settleAllLocal(statusAndText.startsWith("5"), statusAndText.substring(0, space),
                    statusAndText.substring(space + 1));
        }

        private List<RecipientOutcome> settleAllLocal(boolean permanent, String status, String text) {
            for (int i = 0; i < outcomes.length; i++) {
                outcomes[i] = ReplyOutcomes.local(request.recipients().get(i), permanent, status, text, mta);
            }
            return Arrays.asList(outcomes);
        }

        private List<RecipientOutcome> complete() {
            for (int i = 0; i < outcomes.length; i++) {
                if (outcomes[i] == null) {
                    // Cannot happen: every recipient was answered; guard against a silent gap anyway.
                    outcomes[i] = ReplyOutcomes.local(request.recipients().get(i), false, "4.3.0",
                            "no reply recorded for this recipient", mta);
                }
            }
            return Arrays.asList(outcomes);
        }
    }
}
