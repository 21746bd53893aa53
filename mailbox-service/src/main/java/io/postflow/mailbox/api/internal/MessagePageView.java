package io.postflow.mailbox.api.internal;

import io.postflow.mailbox.domain.mail.MetadataPage;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of messages in UID order. */
@Schema(name = "MessagePage")
public record MessagePageView(
        List<MessageView> messages,
        @Schema(description = "afterUid of the next page; null on the last page", nullable = true) Long next) {

    static MessagePageView of(MetadataPage page) {
        return new MessagePageView(page.messages().stream().map(MessageView::of).toList(), page.next());
    }
}
