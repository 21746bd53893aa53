package io.postflow.mailbox.domain.mail;

import io.postflow.common.event.MailboxEvent;
import io.postflow.mailbox.persistence.CopyStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * COPY, UID COPY, MOVE and UID MOVE: the new UIDs come back for COPYUID (RFC 4315 §3); after the
 * commit the target announces its new messages and, for a move, the source its expunged ones.
 */
@ApplicationScoped
public class MessageCopier {

    private final CopyStore store;
    private final ChangeNotifier notifier;

    public MessageCopier(CopyStore store, ChangeNotifier notifier) {
        this.store = store;
        this.notifier = notifier;
    }

    public Uni<CopyResult> copy(String accountKey, long sourceId, UidSet uids, MailboxKey target, boolean move) {
        return store.copy(accountKey, sourceId, uids, target, move)
                .call(result -> notifier.announce(events(accountKey, sourceId, result)));
    }

    private static List<MailboxEvent> events(String account, long sourceId, CopyResult result) {
        List<MailboxEvent> events = new ArrayList<>();
        events.add(new MailboxEvent(result.targetId(), account, MailboxEvent.Type.EXISTS, result.target().highestModseq(),
                result.target().uidNext(), result.mapping().stream().map(CopyResult.UidPair::target).toList()));
        if (result.moved() != null) {
            Expunged moved = result.moved();
            events.add(new MailboxEvent(sourceId, account, MailboxEvent.Type.EXPUNGE, moved.mailbox().highestModseq(),
                    moved.mailbox().uidNext(), moved.uids()));
        }
        return events;
    }
}
