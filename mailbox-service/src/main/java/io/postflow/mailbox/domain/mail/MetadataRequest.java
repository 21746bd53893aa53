package io.postflow.mailbox.domain.mail;

import java.util.Set;

/**
 * One page of a metadata fetch.
 *
 * @param uids         the messages
 * @param fields       the optional items to include
 * @param changedSince only messages whose MODSEQ is greater (RFC 7162 §3.1.4 CHANGEDSINCE); null: all
 * @param limit        the most items on the page
 * @param afterUid     only UIDs above this one: the previous page's {@code next}
 */
public record MetadataRequest(UidSet uids, Set<MetadataField> fields, Long changedSince, int limit, long afterUid) {

    public static final int DEFAULT_LIMIT = 1000;
    public static final int MAX_LIMIT = 5000;

    public MetadataRequest {
        fields = Set.copyOf(fields);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new MailRejection(MailRejection.Code.INVALID, "limit must be between 1 and " + MAX_LIMIT);
        }
        if (afterUid < 0) {
            throw new MailRejection(MailRejection.Code.INVALID, "afterUid must not be negative");
        }
        if (changedSince != null && changedSince < 0) {
            throw new MailRejection(MailRejection.Code.INVALID, "changedSince must not be negative");
        }
    }
}
