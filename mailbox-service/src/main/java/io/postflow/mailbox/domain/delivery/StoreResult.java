package io.postflow.mailbox.domain.delivery;

import java.util.List;

/**
 * What one delivery transaction did with each request.
 *
 * @param stored        new entries, now committed
 * @param duplicates    requests delivered before (same trace id and account): nothing stored again
 * @param unknown       requests for accounts that do not exist (any more)
 * @param overQuota     requests refused because the account's quota would be exceeded
 */
public record StoreResult(List<StoredEntry> stored, List<StoredEntry> duplicates, List<DeliveryRequest> unknown,
                          List<DeliveryRequest> overQuota) {

    /**
     * Where a request's message now is.
     *
     * @param uidNext the mailbox's UIDNEXT after the transaction; 0 if the mailbox is gone
     */
    public record StoredEntry(DeliveryRequest request, long mailboxId, long uid, long modseq, long uidNext) {
    }
}
