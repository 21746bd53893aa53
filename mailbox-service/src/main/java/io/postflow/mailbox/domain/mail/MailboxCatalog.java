package io.postflow.mailbox.domain.mail;

import io.postflow.mailbox.persistence.AccountLookup;
import io.postflow.mailbox.persistence.MailboxAccess;
import io.postflow.mailbox.persistence.MailboxListStore;
import io.postflow.mailbox.persistence.MailboxQueries;
import io.postflow.mailbox.persistence.SubscriptionStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * An account's mailbox list as the gateways see it: LIST/LSUB/STATUS reads, CREATE, DELETE,
 * RENAME, SUBSCRIBE/UNSUBSCRIBE. Every change is announced as MAILBOXES events (one per mailbox it
 * touched) after its commit.
 */
@ApplicationScoped
public class MailboxCatalog {

    /** The special uses a mailbox may be created with (RFC 6154 §2), as stored. */
    private static final List<String> SPECIAL_USES = List.of("\\Sent", "\\Drafts", "\\Trash", "\\Junk",
            "\\Archive");

    private final AccountLookup accounts;
    private final MailboxQueries queries;
    private final MailboxListStore store;
    private final SubscriptionStore subscriptions;
    private final MailboxAnnouncements announcements;

    MailboxCatalog(AccountLookup accounts, MailboxQueries queries, MailboxListStore store, SubscriptionStore subscriptions,
                   MailboxAnnouncements announcements) {
        this.accounts = accounts;
        this.queries = queries;
        this.store = store;
        this.subscriptions = subscriptions;
        this.announcements = announcements;
    }

    public Uni<AccountUsage> account(String address) {
        return accounts.usage(MailboxAccess.accountKey(address));
    }

    public Uni<List<MailboxStatus>> list(String address) {
        return queries.list(MailboxAccess.accountKey(address));
    }

    /** One mailbox by id or name (STATUS). */
    public Uni<MailboxStatus> get(String address, MailboxKey mailbox) {
        return queries.get(MailboxAccess.accountKey(address), mailbox);
    }

    /**
     * CREATE (RFC 3501 §6.3.3), parents included. INBOX always exists, in any case. With a special
     * use (CREATE-SPECIAL-USE, RFC 6154 §3) the new mailbox, not its parents, gets it; one the store
     * does not offer is refused and nothing is created.
     */
    public Uni<MailboxStatus> create(String address, String name, String specialUse) {
        String key = MailboxAccess.accountKey(address);
        String canonical = notInbox(MailboxNames.canonical(name));
        String use = null;
        if (specialUse != null) {
            use = SPECIAL_USES.stream().filter(u -> u.equalsIgnoreCase(specialUse)).findFirst()
                    .orElseThrow(() -> new MailRejection(MailRejection.Code.INVALID, "unsupported special use " + specialUse));
        }
        return store.create(key, canonical, use).call(change -> announcements.announce(change.events())).map(ListChange::mailbox);
    }

    /** DELETE (RFC 3501 §6.3.4); INBOX cannot be deleted. */
    public Uni<Void> delete(String address, MailboxKey mailbox) {
        return store.delete(MailboxAccess.accountKey(address), mailbox).chain(announcements::announce);
    }

    /** RENAME (RFC 3501 §6.3.5), with its special case for INBOX; the answer is the mailbox under its new name. */
    public Uni<MailboxStatus> rename(String address, MailboxKey mailbox, String newName) {
        String key = MailboxAccess.accountKey(address);
        String canonical = notInbox(MailboxNames.canonical(newName));
        return store.rename(key, mailbox, canonical).call(change -> announcements.announce(change.events()))
                .map(ListChange::mailbox);
    }

    /** The subscribed names (LSUB, RFC 3501 §6.3.9), whether their mailboxes exist or not. */
    public Uni<List<String>> subscriptions(String address) {
        return subscriptions.list(MailboxAccess.accountKey(address));
    }

    /** SUBSCRIBE / UNSUBSCRIBE (RFC 3501 §6.3.6, §6.3.7) of a name. */
    public Uni<Void> subscribe(String address, String name, boolean subscribed) {
        String key = MailboxAccess.accountKey(address);
        String canonical = MailboxNames.canonical(name);
        return (subscribed ? subscriptions.subscribe(key, canonical) : subscriptions.unsubscribe(key, canonical))
                .chain(announcements::announce);
    }

    private static String notInbox(String canonical) {
        if (MailboxNames.INBOX.equals(canonical)) {
            throw new MailRejection(MailRejection.Code.ALREADYEXISTS, "INBOX always exists");
        }
        return canonical;
    }
}
