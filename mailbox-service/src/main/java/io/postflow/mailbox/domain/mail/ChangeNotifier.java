package io.postflow.mailbox.domain.mail;

import io.postflow.common.event.MailboxEvent;
import io.postflow.mailbox.domain.events.MailboxEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Announces committed changes of the internal API on {@code mailbox.events}. The change is
 * committed before this runs, so the call succeeds whatever happens to the announcement: events are
 * hints and a gateway that misses one catches up by MODSEQ at its next command. The answer waits
 * for the broker's acknowledgement only briefly; a slow broker delays events, not IMAP commands.
 */
@ApplicationScoped
public class ChangeNotifier {

    private static final Logger LOG = Logger.getLogger(ChangeNotifier.class);
    static final Duration ACK_WAIT = Duration.ofSeconds(2);

    private final MailboxEvents events;

    public ChangeNotifier(MailboxEvents events) {
        this.events = events;
    }

    public Uni<Void> announce(List<MailboxEvent> changes) {
        List<MailboxEvent> nonEmpty = changes.stream().filter(e -> !e.uids().isEmpty()).toList();
        if (nonEmpty.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return events.publish(nonEmpty)
                .ifNoItem().after(ACK_WAIT).recoverWithItem(() -> {
                    LOG.warnf("mailbox.events did not acknowledge %d event(s) within %s; sending on", nonEmpty.size(), ACK_WAIT);
                    return null;
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("mailbox.events publication failed: %s", failure.toString());
                    return null;
                });
    }

    public Uni<Void> announce(MailboxEvent change) {
        return announce(List.of(change));
    }
}
