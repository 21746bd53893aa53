package io.postflow.mailbox.domain.mail;

import io.postflow.common.event.MailboxEvent;
import io.postflow.mailbox.persistence.FlagStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** STORE / UID STORE, with or without UNCHANGEDSINCE; announces the changed UIDs after commit. */
@ApplicationScoped
public class FlagUpdater {

    private final FlagStore store;
    private final ChangeNotifier notifier;

    public FlagUpdater(FlagStore store, ChangeNotifier notifier) {
        this.store = store;
        this.notifier = notifier;
    }

    public Uni<FlagUpdate> store(String accountKey, long mailboxId, FlagChange change) {
        return store.store(accountKey, mailboxId, change)
                .call(update -> notifier.announce(new MailboxEvent(mailboxId, accountKey, MailboxEvent.Type.FLAGS,
                        update.highestModseq(), update.uidNext(), update.updated().stream().map(FlagState::uid).toList())));
    }
}
