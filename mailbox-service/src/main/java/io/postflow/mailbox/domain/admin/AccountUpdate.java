package io.postflow.mailbox.domain.admin;

import java.util.Optional;

/**
 * What a PATCH of an account changes; an absent part stays as it is.
 *
 * @param password the new password
 * @param quota    the new storage limit
 */
public record AccountUpdate(Optional<String> password, Optional<QuotaChange> quota) {

    public AccountUpdate {
        if (password.isEmpty() && quota.isEmpty()) {
            throw AdminRejection.invalid("nothing to change: give password and/or quotaBytes");
        }
    }
}
