package io.postflow.mailbox.domain.admin;

/**
 * A new storage limit for an account.
 *
 * @param limitBytes the limit, or null to remove it
 */
public record QuotaChange(Long limitBytes) {

    public QuotaChange {
        if (limitBytes != null && limitBytes < 0) {
            throw AdminRejection.invalid("quotaBytes must be 0 or more, or null for no limit");
        }
    }

    public static QuotaChange unlimited() {
        return new QuotaChange(null);
    }
}
