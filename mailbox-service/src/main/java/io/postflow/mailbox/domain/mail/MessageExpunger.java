package io.postflow.mailbox.domain.mail;

import io.postflow.common.event.MailboxEvent;
import io.postflow.mailbox.persistence.ExpungeStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** EXPUNGE and UID EXPUNGE (RFC 4315 §2.1); announces the removed UIDs after the commit. */
@ApplicationScoped
public class MessageExpunger {

    private final ExpungeStore store;
    private final ChangeNotifier notifier;

    public MessageExpunger(ExpungeStore store, ChangeNotifier notifier) {
        this.store = store;
        this.notifier = notifier;
    }

    /** @param uids null to remove every message flagged \Deleted */
    public Uni<Expunged> expunge(String accountKey, long mailboxId, UidSet uids) {
        return store.expunge(accountKey, mailboxId, uids)
                .call(expunged -> notifier.announce(new MailboxEvent(mailboxId, accountKey, MailboxEvent.Type.EXPUNGE,
                        expunged.mailbox().highestModseq(), expunged.mailbox().uidNext(), expunged.uids())));
    }
}
