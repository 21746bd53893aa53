package io.postflow.mailbox.domain.mail;

import io.postflow.common.event.MailboxEvent;
import io.postflow.mailbox.domain.delivery.PreparedMessage;
import io.postflow.mailbox.domain.message.MessageAnalyzer;
import io.postflow.mailbox.persistence.AppendStore;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * APPEND (RFC 3501 §6.3.11): checks the message, hashes and analyses it off the event loop like
 * delivery does (a 25 MiB message takes a while), stores it and announces it.
 */
@ApplicationScoped
public class MessageAppender {

    private final AppendStore store;
    private final MessageAnalyzer analyzer;
    private final ChangeNotifier notifier;
    private final AppendConfig config;

    public MessageAppender(AppendStore store, MessageAnalyzer analyzer, ChangeNotifier notifier, AppendConfig config) {
        this.store = store;
        this.analyzer = analyzer;
        this.notifier = notifier;
        this.config = config;
    }

    public Uni<Appended> append(String accountKey, MailboxKey mailbox, AppendRequest request) {
        byte[] message = request.message();
        if (message == null || message.length == 0) {
            throw new MailRejection(MailRejection.Code.INVALID, "empty message");
        }
        if (message.length > config.maxMessageSize()) {
            throw new MailRejection(MailRejection.Code.INVALID,
                    "message of " + message.length + " octets exceeds the limit of " + config.maxMessageSize());
        }
        // RFC 3501 §6.3.11: the client's date-time keeps its zone; without one, now in the server's.
        boolean clientZone = request.internalDate() != null;
        OffsetDateTime internalDate = clientZone ? request.internalDate() : OffsetDateTime.now(InternalDates.SERVER_ZONE);
        return Uni.createFrom().item(() -> new PreparedMessage(message, PreparedMessage.sha256(message), analyzer.analyze(message)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(prepared -> store.append(accountKey, mailbox, prepared, request.flags(), request.keywords(), internalDate,
                        clientZone))
                .call(appended -> notifier.announce(new MailboxEvent(appended.mailboxId(), accountKey, MailboxEvent.Type.EXISTS,
                        appended.mailbox().highestModseq(), appended.mailbox().uidNext(), List.of(appended.uid()))));
    }
}
