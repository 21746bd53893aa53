package io.postflow.testkit.smtp;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What an {@link SmtpSink} answers. Replies are whole reply lines such as {@code "550 5.1.1 no such
 * user"}; the default script accepts everything and offers PIPELINING, 8BITMIME, SMTPUTF8 and DSN.
 *
 * @param extensions   offered in EHLO (STARTTLS only if a certificate could be made)
 * @param maxSize      SIZE limit announced and enforced when SIZE is offered
 * @param greeting     the banner; a 4xx or 554 greeting is followed by closing after QUIT
 * @param closeOnConnect accept TCP connections and close them at once, without a greeting
 * @param ehloReply    null to answer EHLO normally, or a reply line to refuse it (e.g. "502 5.5.1 no EHLO")
 * @param mailReply    reply to MAIL FROM
 * @param rcptReply    reply to RCPT TO per address
 * @param dataReply    reply at the end of data (DATA dot or BDAT LAST)
 * @param replyDelay   how long to wait before every reply (a slow server)
 * @param dataReplyDelay extra wait before the reply to the end of data (a slow content filter)
 */
public record SinkScript(Set<SinkExtension> extensions, long maxSize, String greeting, boolean closeOnConnect,
                         String ehloReply, String mailReply, Function<String, String> rcptReply, String dataReply,
                         Duration replyDelay, Duration dataReplyDelay) {

    public SinkScript {
        extensions = extensions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(extensions));
        Objects.requireNonNull(greeting);
        Objects.requireNonNull(mailReply);
        Objects.requireNonNull(rcptReply);
        Objects.requireNonNull(dataReply);
        Objects.requireNonNull(replyDelay);
        Objects.requireNonNull(dataReplyDelay);
    }

    public static SinkScript acceptAll() {
        return new SinkScript(EnumSet.of(SinkExtension.PIPELINING, SinkExtension.EIGHTBITMIME, SinkExtension.SMTPUTF8,
                SinkExtension.DSN), 0, "220 sink.test ESMTP ready", false, null, "250 2.1.0 sender ok",
                address -> "250 2.1.5 recipient ok", "250 2.0.0 queued", Duration.ZERO, Duration.ZERO);
    }

    public SinkScript withExtensions(Set<SinkExtension> offered) {
        return new SinkScript(offered, maxSize, greeting, closeOnConnect, ehloReply, mailReply, rcptReply, dataReply, replyDelay, dataReplyDelay);
    }

    /** Adds SIZE with this limit to the offered extensions. */
    public SinkScript withSize(long limit) {
        EnumSet<SinkExtension> offered = extensions.isEmpty() ? EnumSet.noneOf(SinkExtension.class) : EnumSet.copyOf(extensions);
        offered.add(SinkExtension.SIZE);
        return new SinkScript(offered, limit, greeting, closeOnConnect, ehloReply, mailReply, rcptReply, dataReply, replyDelay, dataReplyDelay);
    }

    public SinkScript withGreeting(String line) {
        return new SinkScript(extensions, maxSize, line, closeOnConnect, ehloReply, mailReply, rcptReply, dataReply, replyDelay, dataReplyDelay);
    }

    public SinkScript closingOnConnect() {
        return new SinkScript(extensions, maxSize, greeting, true, ehloReply, mailReply, rcptReply, dataReply, replyDelay, dataReplyDelay);
    }

    public SinkScript withEhloReply(String line) {
        return new SinkScript(extensions, maxSize, greeting, closeOnConnect, line, mailReply, rcptReply, dataReply, replyDelay, dataReplyDelay);
    }

    public SinkScript withMailReply(String line) {
        return new SinkScript(extensions, maxSize, greeting, closeOnConnect, ehloReply, line, rcptReply, dataReply, replyDelay, dataReplyDelay);
    }

    public SinkScript withRcptReply(Function<String, String> perAddress) {
        return new SinkScript(extensions, maxSize, greeting, closeOnConnect, ehloReply, mailReply, perAddress, dataReply, replyDelay, dataReplyDelay);
    }

    public SinkScript withDataReply(String line) {
        return new SinkScript(extensions, maxSize, greeting, closeOnConnect, ehloReply, mailReply, rcptReply, line, replyDelay, dataReplyDelay);
    }

    public SinkScript withReplyDelay(Duration delay) {
        return new SinkScript(extensions, maxSize, greeting, closeOnConnect, ehloReply, mailReply, rcptReply, dataReply, delay, dataReplyDelay);
    }

    public SinkScript withDataReplyDelay(Duration delay) {
        return new SinkScript(extensions, maxSize, greeting, closeOnConnect, ehloReply, mailReply, rcptReply, dataReply, replyDelay, delay);
    }

    public boolean offers(SinkExtension extension) {
        return extensions.contains(extension);
    }
}
