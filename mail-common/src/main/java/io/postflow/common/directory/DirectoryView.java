package io.postflow.common.directory;

import io.postflow.common.address.MailAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The directory as smtp-ingress and relay-worker see it: the compacted {@code directory.addresses}
 * topic read in full into memory, so "is this domain local, does this address exist, where does
 * this alias go" never needs a call to mailbox-service. One thread applies records (the topic
 * reader); any thread may look up.
 *
 * <p>Until the reader has caught up with the end offsets it saw at start, {@link #loaded()} is
 * false and callers must answer "try later" (451 4.3.0), never a false "no such user".
 */
public final class DirectoryView {

    /** What an address is to this platform. */
    public sealed interface Resolution {
        /** A local account: deliver to it. */
        record LocalAccount(String key) implements Resolution {
        }

        /** A local alias: relay-worker expands it to these targets. */
        record LocalAlias(String key, List<String> targets) implements Resolution {
        }

        /** postmaster@ a local domain with no entry of its own (RFC 5321 §4.5.1: always accepted). */
        record Postmaster(String key) implements Resolution {
        }

        /** The domain is local but nobody of that name exists (550 5.1.1). */
        record UnknownLocal(String key) implements Resolution {
        }

        /** The domain is not ours: relaying (allowed only for authenticated senders). */
        record Remote(String key) implements Resolution {
        }
    }

    private final Map<String, DirectoryEntry> entries = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    /** Applies one record of the topic; a null value (tombstone) removes the key. */
    public void apply(String key, byte[] value) {
        DirectoryEntry entry = DirectoryCodec.decode(key, value);
        if (entry == null) {
            entries.remove(key);
        } else {
            entries.put(entry.key(), entry);
        }
    }

    /** Called by the reader once it reached the end offsets it saw at start. */
    public void markLoaded() {
        loaded = true;
    }

    public boolean loaded() {
        return loaded;
    }

    public int size() {
        return entries.size();
    }

    public boolean isLocalDomain(String asciiDomain) {
        return entries.get(asciiDomain) instanceof DirectoryEntry.LocalDomain;
    }

    /** Resolves an address (for an address literal: always remote, Postflow hosts no literals). */
    public Resolution resolve(MailAddress address) {
        String key = address.key();
        if (address.domain() == null || !isLocalDomain(address.domain().ascii())) {
            return new Resolution.Remote(key);
        }
        DirectoryEntry entry = entries.get(key);
        if (entry instanceof DirectoryEntry.Account) {
            return new Resolution.LocalAccount(key);
        }
        if (entry instanceof DirectoryEntry.Alias alias) {
            return new Resolution.LocalAlias(key, alias.targets());
        }
        if (address.isPostmaster()) {
            return new Resolution.Postmaster(key);
        }
        return new Resolution.UnknownLocal(key);
    }
}
