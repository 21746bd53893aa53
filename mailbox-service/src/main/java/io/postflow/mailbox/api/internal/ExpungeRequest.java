package io.postflow.mailbox.api.internal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** EXPUNGE ({@code {}}) or UID EXPUNGE ({@code {"uids":SET}}). */
@Schema(name = "ExpungeRequest")
public record ExpungeRequest(@Schema(description = "UID EXPUNGE set (RFC 4315 §2.1); absent: every \\Deleted message") String uids) {
}
