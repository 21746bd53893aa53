package io.postflow.mailbox.domain.password;

import java.util.Optional;

/** What a new password must satisfy before it is hashed. */
public final class PasswordPolicy {

    /** Below this a password falls to an online guessing attack too soon (NIST SP 800-63B §5.1.1.2). */
    public static final int MIN_LENGTH = 8;
    /** Bounds the work one request can ask of the hasher; far above any real passphrase. */
    public static final int MAX_LENGTH = 1024;

    private PasswordPolicy() {
    }

    /**
     * The reason the password is refused, or empty if it is acceptable. Lengths count characters
     * (code points), not UTF-16 units or bytes.
     */
    public static Optional<String> violation(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("password is empty");
        }
        if (password.length() > 2 * MAX_LENGTH || password.codePointCount(0, password.length()) > MAX_LENGTH) {
            return Optional.of("password is longer than " + MAX_LENGTH + " characters");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("password is shorter than " + MIN_LENGTH + " characters");
        }
        if (password.indexOf('\0') >= 0) {
            // RFC 4616 §2: SASL PLAIN separates fields with NUL, so such a password could never log in.
            return Optional.of("password contains a NUL character");
        }
        return Optional.empty();
    }
}
