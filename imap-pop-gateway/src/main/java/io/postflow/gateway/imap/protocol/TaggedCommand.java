package io.postflow.gateway.imap.protocol;

/** A command with the tag its responses must carry. */
public record TaggedCommand(String tag, ImapCommand command) {
}
