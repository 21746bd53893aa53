package io.postflow.mailbox.domain.mail;

import io.postflow.mailbox.domain.password.PasswordHasher;
import io.postflow.mailbox.domain.password.PasswordHashing;
import io.postflow.mailbox.domain.password.PasswordPolicy;
import io.postflow.mailbox.persistence.AccountLookup;
import io.postflow.mailbox.persistence.AccountLookup.Credentials;
import io.postflow.mailbox.persistence.MailboxAccess;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * Checks an account's password for the gateways (IMAP LOGIN/AUTHENTICATE, POP3 USER/PASS, SMTP
 * AUTH). A wrong password and an unknown account get the same answer after the same work — an
 * Argon2id verification, against a dummy hash when there is no account — so neither the answer
 * nor its timing tells which accounts exist (RFC 3501 §11.2: a failure SHOULD NOT say why the
 * credentials are invalid). Hashing runs on the {@link PasswordHashing} pool, never on the event
 * loop.
 */
@Startup // the dummy hash is made at start-up, on the main thread, not in the first login's time
@ApplicationScoped
public class LoginVerification {

    private static final Logger LOG = Logger.getLogger(LoginVerification.class);

    /** A successful check: the canonical address and id of the account. */
    public record Authenticated(long accountId, String address) {
    }

    private final AccountLookup accounts;
    private final PasswordHashing hashing;
    private final LoginThrottle throttle;
    /** The hash of a random password nobody knows, with today's cost; nothing ever matches it. */
    private final String dummyHash;

    LoginVerification(AccountLookup accounts, PasswordHashing hashing, LoginThrottle throttle) {
        this.accounts = accounts;
        this.hashing = hashing;
        this.throttle = throttle;
        byte[] secret = new byte[24];
        SecureRandom random = new SecureRandom();
        random.nextBytes(secret);
        this.dummyHash = new PasswordHasher().hash(Base64.getEncoder().encodeToString(secret).toCharArray());
    }

    /**
     * Verifies the password of the account at {@code address} for a client at
     * {@code clientAddress}.
     *
     * @throws MailRejection INVALID for a missing field, an address that is no address or a
     *                       client address that is no IP address; THROTTLED ({@link LoginThrottled})
     *                       while the pair is refused; AUTHENTICATIONFAILED, as the item of the
     *                       returned Uni, for a wrong password or an unknown account
     */
    public Uni<Authenticated> verify(String address, String password, String clientAddress) {
        if (address == null || password == null) {
            throw new MailRejection(MailRejection.Code.INVALID, "address and password are required");
        }
        String account = MailboxAccess.accountKey(address);
        String client = ClientKey.of(clientAddress);
        throttle.attempt(account, client);
        if (password.length() > 2 * PasswordPolicy.MAX_LENGTH) { // no stored password is that long
            throttle.failed(account, client);
            return Uni.createFrom().failure(failed());
        }
        return accounts.credentials(account)
                .chain(credentials -> check(credentials, password))
                .onFailure().invoke(unchecked -> throttle.abandoned(account, client))
                .map(credentials -> {
                    if (credentials == null) {
                        throttle.failed(account, client);
                        LOG.infof("failed login for %s from %s", account, client);
                        throw failed();
                    }
                    throttle.succeeded(account, client);
                    return new Authenticated(credentials.id(), credentials.address());
                });
    }

    /** The credentials if the password matches them, else a null item, after one verification either way. */
    private Uni<Credentials> check(Credentials credentials, String password) {
        if (credentials == null) {
            return hashing.verify(password, dummyHash).replaceWith((Credentials) null);
        }
        return hashing.verify(password, credentials.passwordHash())
                .onFailure(IllegalArgumentException.class).recoverWithUni(unreadable -> {
                    LOG.warnf("account %s has an unreadable password hash: %s", credentials.address(), unreadable.getMessage());
                    return hashing.verify(password, dummyHash);
                })
                .map(matches -> matches ? credentials : null);
    }

    private static MailRejection failed() {
        return new MailRejection(MailRejection.Code.AUTHENTICATIONFAILED, "invalid credentials");
    }
}
