package io.postflow.gateway.mailbox;

import java.util.List;

/** The mailboxes of an account and its subscribed names, which may have no mailbox (extended LIST). */
public record Listing(List<MailboxInfo> mailboxes, List<String> subscriptions) {
}
