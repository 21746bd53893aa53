package io.postflow.ingress.session;

import java.util.Objects;

/**
 * What a session knows about its client once greeted: the EHLO/HELO name and, after AUTH, the
 * account. Both live for the connection (or until STARTTLS, RFC 3207 §4.2), not the transaction.
 *
 * @param helo     the EHLO or HELO argument as sent
 * @param extended EHLO (true) or HELO (false)
 * @param user     the authenticated account, or null
 */
public record Identity(String helo, boolean extended, AuthenticatedUser user) {

    public Identity {
        Objects.requireNonNull(helo, "helo");
    }

    public boolean authenticated() {
        return user != null;
    }

    public Identity withUser(AuthenticatedUser newUser) {
        return new Identity(helo, extended, newUser);
    }

    /** A new EHLO/HELO keeps the authentication (RFC 4954 §4 forbids only a second AUTH). */
    public Identity greetedAgain(String newHelo, boolean newExtended) {
        return new Identity(newHelo, newExtended, user);
    }

    /**
     * The account mailbox-service verified.
     *
     * @param account   its canonical address
     * @param accountId its id
     */
    public record AuthenticatedUser(String account, long accountId) {
        public AuthenticatedUser {
            Objects.requireNonNull(account, "account");
        }
    }
}
