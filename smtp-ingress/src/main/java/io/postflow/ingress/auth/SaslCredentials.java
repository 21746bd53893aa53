package io.postflow.ingress.auth;

import io.postflow.ingress.session.Replies;
import io.postflow.ingress.session.SmtpRejection;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Decodes what SASL clients send: base64 (RFC 4954 §4) of UTF-8 text; PLAIN's
 * {@code [authzid] NUL authcid NUL passwd} (RFC 4616 §2). A malformed response is 501 5.5.2.
 *
 * @param user     the authentication identity
 * @param password the password
 */
public record SaslCredentials(String user, String password) {

    @Override
    public String toString() {
        return "SaslCredentials[user=" + user + "]"; // never the password, not even in a log
    }

    /** PLAIN: an authzid other than the user (acting for someone else) is not supported. */
    public static SaslCredentials plain(String base64) {
        String text = decode(base64);
        String[] parts = text.split("\0", -1);
        if (parts.length != 3 || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new SmtpRejection(Replies.C501_BAD_BASE64.withText("Malformed PLAIN response"));
        }
        if (!parts[0].isEmpty() && !parts[0].equals(parts[1])) {
            throw new SmtpRejection(Replies.C535_BAD_CREDENTIALS);
        }
        return new SaslCredentials(parts[1], parts[2]);
    }

    /** Base64 of UTF-8 text, strictly: bad base64 or bad UTF-8 is 501 5.5.2. */
    public static String decode(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw new SmtpRejection(Replies.C501_BAD_BASE64);
        }
    }
}
