package io.postflow.mailbox.domain.mail;

import java.util.List;

/**
 * One page of a metadata fetch, in UID order.
 *
 * @param next the {@code afterUid} of the next page, or null when this is the last one
 */
public record MetadataPage(List<MessageMetadata> messages, Long next) {
}
