package io.postflow.mailbox.api.internal;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The mailboxes of an account together with its subscribed names: what an extended LIST with the
 * SUBSCRIBED selection or return option (RFC 5258 §3) needs in one call, since a subscribed name
 * may have no mailbox (listed \NonExistent).
 *
 * @param mailboxes     every mailbox with its status, sorted by name in code point order
 * @param subscriptions the subscribed names, mailbox or not, in code point order
 */
@Schema(name = "InternalListing")
public record ListingAnswer(List<MailboxAnswer> mailboxes, List<String> subscriptions) {
}
