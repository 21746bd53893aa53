package io.postflow.mailbox.domain.mail;

import io.postflow.common.event.MailboxEvent;
import io.postflow.mailbox.persistence.MaildropStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The POP3 maildrop (RFC 1939): one session at a time locks an account's INBOX under a lease the
 * gateway renews, sees the messages it had at login, and at QUIT removes exactly the ones it
 * marked. The removal is announced on {@code mailbox.events} like an EXPUNGE, so IMAP sessions on
 * the same INBOX learn about it.
 */
@ApplicationScoped
public class Pop3Maildrops {

    /** Longest lease a gateway may ask for: a crashed gateway's lock must not outlive this. */
    public static final Duration MAX_TTL = Duration.ofHours(1);
    /** Shortest lease: below this a busy gateway could not renew in time. */
    public static final Duration MIN_TTL = Duration.ofSeconds(1);

    private final MaildropStore store;
    private final ChangeNotifier notifier;

    public Pop3Maildrops(MaildropStore store, ChangeNotifier notifier) {
        this.store = store;
        this.notifier = notifier;
    }

    public Uni<Maildrop> open(String accountKey, String holder, Duration ttl) {
        return store.take(accountKey, holder, checked(ttl));
    }

    public Uni<Void> renew(String accountKey, UUID lease, Duration ttl) {
        return store.renew(accountKey, lease, checked(ttl));
    }

    public Uni<Void> release(String accountKey, UUID lease) {
        return store.release(accountKey, lease);
    }

    /** QUIT in the TRANSACTION state: removes {@code uids} and releases the lease atomically. */
    public Uni<Expunged> quit(String accountKey, UUID lease, long mailboxId, List<Long> uids) {
        return store.removeAndRelease(accountKey, lease, mailboxId, uids)
                .call(expunged -> expunged.uids().isEmpty() ? Uni.createFrom().voidItem()
                        : notifier.announce(new MailboxEvent(mailboxId, accountKey, MailboxEvent.Type.EXPUNGE,
                                expunged.mailbox().highestModseq(), expunged.mailbox().uidNext(), expunged.uids())));
    }

    private static Duration checked(Duration ttl) {
        if (ttl.compareTo(MIN_TTL) < 0 || ttl.compareTo(MAX_TTL) > 0) {
            throw new MailRejection(MailRejection.Code.INVALID, "ttlMillis must be between "
                    + MIN_TTL.toMillis() + " and " + MAX_TTL.toMillis());
        }
        return ttl;
    }
}
