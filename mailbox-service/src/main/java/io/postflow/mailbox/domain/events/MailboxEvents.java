package io.postflow.mailbox.domain.events;

import io.postflow.common.event.MailboxEvent;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Port: announces committed mailbox changes to the gateways ({@code mailbox.events}). Called only
 * after the change is committed, so an event never announces something a reader cannot see yet.
 */
public interface MailboxEvents {

    Uni<Void> publish(List<MailboxEvent> events);
}
