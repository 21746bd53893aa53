package io.postflow.mailbox.domain.mail;

import io.postflow.common.event.MailboxEvent;
import io.postflow.mailbox.domain.events.MailboxEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Publishes the events of a committed change before the API call answers, so a caller that saw
 * the answer can count on the event being on its way. A failure does not fail the call: the change
 * is committed, and events are hints (a session that misses one catches up at its next "changes
 * since MODSEQ n").
 */
@ApplicationScoped
public class MailboxAnnouncements {

    private static final Logger LOG = Logger.getLogger(MailboxAnnouncements.class);
    /** How long an API call waits for Kafka before answering anyway. */
    private static final Duration WAIT = Duration.ofSeconds(2);

    private final MailboxEvents events;

    MailboxAnnouncements(MailboxEvents events) {
        this.events = events;
    }

    public Uni<Void> announce(List<MailboxEvent> list) {
        if (list.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return events.publish(list)
                .ifNoItem().after(WAIT).fail()
                .onFailure().invoke(failure -> LOG.warnf("%d mailbox events of %s not published: %s", list.size(),
                        list.get(0).account(), failure.toString()))
                .onFailure().recoverWithNull();
    }
}
