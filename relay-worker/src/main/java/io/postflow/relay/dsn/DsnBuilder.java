package io.postflow.relay.dsn;

import io.postflow.common.record.Envelope;
import io.postflow.common.record.MailParameters;
import io.postflow.common.record.MailRecord;
import io.postflow.common.record.Recipient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.message.BasicBodyFactory;
import org.apache.james.mime4j.message.BodyPartBuilder;
import org.apache.james.mime4j.message.DefaultMessageWriter;
import org.apache.james.mime4j.message.MultipartBuilder;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawField;

/**
 * Composes delivery status notifications (RFC 3464, RFC 3461 §6) with Apache Mime4j: a
 * {@code multipart/report; report-type=delivery-status} with a human-readable part, the
 * {@code message/delivery-status} part, and the original message ({@code message/rfc822}) or its
 * header ({@code text/rfc822-headers}). The result is a mail record for {@code mail.accepted} with
 * the null reverse-path, so a DSN can never cause another DSN (RFC 3461 §6.2).
 */
public final class DsnBuilder {

    private static final DateTimeFormatter RFC5322 = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);
    private static final BasicBodyFactory BODIES = BasicBodyFactory.INSTANCE;

    private final String reportingMta;

    public DsnBuilder(String reportingMta) {
        this.reportingMta = reportingMta;
    }

    /** The DSN for {@code recipients} of the message {@code original}, addressed to its envelope sender. */
    public MailRecord build(Envelope original, byte[] message, List<DsnRecipient> recipients, Instant now) {
        if (original.isNullSender()) {
            throw new IllegalArgumentException("no DSN for a message from the null sender (RFC 3461 §6.2)");
        }
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a DSN needs at least one recipient");
        }
        DsnAction kind = recipients.get(0).action();
        boolean full = includeFullMessage(original.mailParameters().ret(), kind);
        byte[] returned = full ? message : headerSection(message);
        String traceId = traceIdFor(original.traceId(), recipients);
        byte[] status = deliveryStatus(original, recipients);
        Multipart report = MultipartBuilder.create("report")
                .addContentTypeParameter(new NameValuePair("report-type", "delivery-status"))
                .addBodyPart(BodyPartBuilder.create()
                        .setBody(BODIES.textBody(humanText(original, recipients), StandardCharsets.UTF_8))
                        .setContentType("text/plain", new NameValuePair("charset", "utf-8"))
                        .setContentTransferEncoding("quoted-printable")
                        .setContentDisposition("inline"))
                .addBodyPart(BodyPartBuilder.create()
                        .setBody(BODIES.binaryBody(status))
                        .setContentType("message/delivery-status")
                        .setContentTransferEncoding(eightBit(status) ? "8bit" : "7bit"))
                .addBodyPart(BodyPartBuilder.create()
                        .setBody(BODIES.binaryBody(returned))
                        .setContentType(full ? "message/rfc822" : "text/rfc822-headers")
                        .setContentTransferEncoding(eightBit(returned) ? "8bit" : "7bit"))
                .build();
        Message dsn;
        try {
            Message.Builder builder = Message.Builder.of();
            builder.setField(new RawField("From", "Mail Delivery System <MAILER-DAEMON@" + reportingMta + ">"));
            builder.setField(new RawField("To", "<" + original.mailFrom() + ">"));
            builder.setSubject(subject(kind));
            builder.setField(new RawField("Date", RFC5322.format(now.atOffset(ZoneOffset.UTC))));
            builder.setMessageId("<" + traceId + "@" + reportingMta + ">");
            builder.setField(new RawField("Auto-Submitted", "auto-replied")); // RFC 3834 §5
            builder.setField(new RawField("MIME-Version", "1.0"));
            builder.setBody(report);
            dsn = builder.build();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot compose DSN", e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(returned.length + 4096);
        try {
            new DefaultMessageWriter().writeMessage(dsn, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = out.toByteArray();
        MailParameters parameters = new MailParameters(eightBit(bytes) ? MailParameters.BODY_8BITMIME : null,
                !isAscii(original.mailFrom()), null, null, null);
        Envelope envelope = Envelope.of(traceId, "", parameters, List.of(Recipient.of(original.mailFrom())),
                null, null, null, null, now);
        return new MailRecord(envelope, bytes);
    }

    /** RET=HDRS asks for headers only; without RET a failure returns the message, other reports only its header. */
    static boolean includeFullMessage(String ret, DsnAction kind) {
        if (MailParameters.RET_HDRS.equalsIgnoreCase(ret)) {
            return false;
        }
        return MailParameters.RET_FULL.equalsIgnoreCase(ret) || kind == DsnAction.FAILED;
    }

    private byte[] deliveryStatus(Envelope original, List<DsnRecipient> recipients) {
        StringBuilder s = new StringBuilder();
        // Per-message fields (RFC 3464 §2.2).
        s.append("Reporting-MTA: dns; ").append(reportingMta).append("\r\n");
        if (original.mailParameters().envId() != null) {
            s.append("Original-Envelope-Id: ").append(clean(original.mailParameters().envId())).append("\r\n");
        }
        s.append("X-Postflow-Trace-Id: ").append(original.traceId()).append("\r\n");
        s.append("Arrival-Date: ").append(date(original.receivedAt())).append("\r\n");
        // Per-recipient fields (RFC 3464 §2.3), one group each, groups separated by an empty line.
        for (DsnRecipient r : recipients) {
            s.append("\r\n");
            if (r.originalRecipient() != null) {
                s.append("Original-Recipient: ").append(addressField(r.originalRecipient())).append("\r\n");
            }
            s.append("Final-Recipient: rfc822; ").append(clean(r.finalRecipient())).append("\r\n");
            s.append("Action: ").append(r.action().field()).append("\r\n");
            s.append("Status: ").append(r.status()).append("\r\n");
            if (r.remoteMta() != null) {
                s.append("Remote-MTA: dns; ").append(clean(r.remoteMta())).append("\r\n");
            }
            if (r.diagnostic() != null) {
                s.append("Diagnostic-Code: ").append(diagnosticField(r.diagnostic())).append("\r\n");
            }
            s.append("Last-Attempt-Date: ").append(date(r.lastAttempt())).append("\r\n");
            if (r.willRetryUntil() != null) {
                s.append("Will-Retry-Until: ").append(date(r.willRetryUntil())).append("\r\n");
            }
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String humanText(Envelope original, List<DsnRecipient> recipients) {
        StringBuilder s = new StringBuilder();
        s.append("This is the mail system at ").append(reportingMta).append(".\r\n\r\n");
        s.append(switch (recipients.get(0).action()) {
            case FAILED -> "Your message could not be delivered to one or more recipients.\r\n"
                    + "It is attached below.\r\n";
            case DELAYED -> "Your message has not been delivered yet to one or more recipients.\r\n"
                    + "The mail system will keep trying; you need not send it again.\r\n";
            case DELIVERED, RELAYED -> "Your message was delivered to the following recipients, as you asked to be told.\r\n";
        });
        s.append("\r\n");
        for (DsnRecipient r : recipients) {
            s.append("<").append(clean(r.finalRecipient())).append(">: ").append(r.action().field())
                    .append(", status ").append(r.status());
            if (r.diagnostic() != null) {
                s.append("\r\n    ").append(clean(r.diagnostic()));
            }
            if (r.willRetryUntil() != null) {
                s.append("\r\n    will retry until ").append(date(r.willRetryUntil()));
            }
            s.append("\r\n");
        }
        s.append("\r\nTrace id: ").append(original.traceId()).append("\r\n");
        return s.toString();
    }

    private static String subject(DsnAction kind) {
        return switch (kind) {
            case FAILED -> "Undelivered Mail Returned to Sender";
            case DELAYED -> "Delayed Mail (still being retried)";
            case DELIVERED, RELAYED -> "Successful Mail Delivery Report";
        };
    }

    /** ORCPT arrives as {@code addr-type;value}; the field wants {@code addr-type; value} (RFC 3464 §2.3.1). */
    private static String addressField(String orcpt) {
        int semicolon = orcpt.indexOf(';');
        if (semicolon < 0) {
            return "rfc822; " + clean(orcpt);
        }
        return clean(orcpt.substring(0, semicolon).trim()) + "; " + clean(orcpt.substring(semicolon + 1).trim());
    }

    /** A diagnostic already typed ({@code smtp; ...}, {@code X-Postflow; ...}) is kept; a bare text gets the smtp type. */
    private static String diagnosticField(String diagnostic) {
        String d = clean(diagnostic);
        return d.matches("(?s)[A-Za-z][A-Za-z0-9-]*;.*") ? d : "smtp; " + d;
    }

    /** Field values must stay on their line: CR and LF from remote replies never reach the DSN unescaped. */
    private static String clean(String value) {
        return value.replace('\r', ' ').replace('\n', ' ');
    }

    private static String date(Instant instant) {
        return RFC5322.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** The header section of a message, with the empty line that ends it. */
    static byte[] headerSection(byte[] message) {
        for (int i = 0; i + 1 < message.length; i++) {
            if (message[i] == '\n' && message[i + 1] == '\n') {
                return java.util.Arrays.copyOf(message, i + 2);
            }
            if (i + 3 < message.length && message[i] == '\r' && message[i + 1] == '\n'
                    && message[i + 2] == '\r' && message[i + 3] == '\n') {
                return java.util.Arrays.copyOf(message, i + 4);
            }
        }
        return message;
    }

    /**
     * A DSN's trace id follows from what it reports, so a DSN generated again after a crash (before
     * the offset commit) carries the same id and is stored once by mailbox-service.
     */
    static String traceIdFor(String originalTraceId, List<DsnRecipient> recipients) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(originalTraceId.getBytes(StandardCharsets.UTF_8));
            for (DsnRecipient r : recipients) {
                sha.update(("|" + r.action() + "|" + r.finalRecipient()).getBytes(StandardCharsets.UTF_8));
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(sha.digest(), 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean eightBit(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }
}
