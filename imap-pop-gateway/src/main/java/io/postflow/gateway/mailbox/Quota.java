package io.postflow.gateway.mailbox;

/**
 * An account's storage (QUOTA, RFC 9208 resource STORAGE).
 *
 * @param limitBytes the limit, or null for none
 * @param usedBytes  the bytes its messages take
 */
public record Quota(Long limitBytes, long usedBytes) {
}
