package io.postflow.relay.smtp;

import io.postflow.common.record.MailParameters;
import io.postflow.common.record.Recipient;
import io.vertx.core.buffer.Buffer;
import java.util.List;

/**
 * What a message needs from the receiving server: 8BITMIME (RFC 6152) when it was submitted with
 * BODY=8BITMIME or actually holds octets above 127, BINARYMIME (RFC 3030) when submitted so, and
 * SMTPUTF8 (RFC 6531) when submitted with it or an address is not ASCII.
 */
public record MessageTraits(long size, boolean eightBit, boolean binary, boolean smtpUtf8) {

    public static MessageTraits of(Buffer message, MailParameters parameters, String mailFrom, List<Recipient> recipients) {
        boolean binary = MailParameters.BODY_BINARYMIME.equalsIgnoreCase(parameters.body());
        boolean eightBit = binary || MailParameters.BODY_8BITMIME.equalsIgnoreCase(parameters.body()) || hasHighOctet(message);
        boolean utf8 = parameters.smtpUtf8() || !isAscii(mailFrom) || recipients.stream().anyMatch(r -> !isAscii(r.address()));
        return new MessageTraits(message.length(), eightBit, binary, utf8);
    }

    private static boolean hasHighOctet(Buffer message) {
        byte[] bytes = message.getBytes();
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 128);
    }
}
