package io.postflow.mailbox.domain.mail;

/**
 * An account's storage: what IMAP QUOTA reports (RFC 9208 §5, resource STORAGE).
 *
 * @param id         account id
 * @param address    canonical address
 * @param quotaBytes limit in bytes, or null for none
 * @param usedBytes  bytes of all the account's messages
 */
public record AccountUsage(long id, String address, Long quotaBytes, long usedBytes) {
}
