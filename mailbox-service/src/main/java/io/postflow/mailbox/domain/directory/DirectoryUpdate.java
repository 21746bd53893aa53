package io.postflow.mailbox.domain.directory;

import io.postflow.common.directory.DirectoryEntry;

/**
 * One record for {@code directory.addresses}: the key's current entry, or a tombstone.
 *
 * @param entry the live entry, or null when the key no longer exists
 */
public record DirectoryUpdate(String key, DirectoryEntry entry) {

    public DirectoryUpdate {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a directory update needs a key");
        }
        if (entry != null && !entry.key().equals(key)) {
            throw new IllegalArgumentException("entry does not belong to key " + key);
        }
    }

    public static DirectoryUpdate put(DirectoryEntry entry) {
        return new DirectoryUpdate(entry.key(), entry);
    }

    public static DirectoryUpdate remove(String key) {
        return new DirectoryUpdate(key, null);
    }

    public boolean isRemoval() {
        return entry == null;
    }
}
