package io.postflow.common.directory;

import io.postflow.common.address.Domain;
import io.postflow.common.address.MailAddress;
import java.util.List;

/**
 * One live entry of the directory. Every name in an entry is in canonical form, so that a reader
 * can look it up with {@link Domain#ascii()} or {@link MailAddress#key()} of what a client sent:
 * a domain as its lower-case A-label, an address as its key. The constructors refuse anything
 * else, which keeps a writer from publishing a key no reader would ever find.
 */
public sealed interface DirectoryEntry permits DirectoryEntry.LocalDomain, DirectoryEntry.Account, DirectoryEntry.Alias {

    /** The Kafka record key of this entry: the canonical domain or address. */
    String key();

    /** A domain this platform receives mail for. */
    record LocalDomain(String domain) implements DirectoryEntry {

        public LocalDomain {
            requireCanonicalDomain(domain);
        }

        @Override
        public String key() {
            return domain;
        }
    }

    /** A mailbox of a local account. */
    record Account(String address) implements DirectoryEntry {

        public Account {
            requireCanonicalAddress(address, "address");
        }

        @Override
        public String key() {
            return address;
        }
    }

    /**
     * A local address that forwards to other addresses, local accounts or remote mailboxes;
     * relay-worker expands it.
     */
    record Alias(String address, List<String> targets) implements DirectoryEntry {

        public Alias {
            requireCanonicalAddress(address, "address");
            if (targets == null || targets.isEmpty()) {
                throw new IllegalArgumentException("an alias needs at least one target");
            }
            targets = List.copyOf(targets);
            targets.forEach(target -> requireCanonicalAddress(target, "target"));
        }

        @Override
        public String key() {
            return address;
        }
    }

    private static void requireCanonicalDomain(String domain) {
        if (domain == null || !Domain.parse(domain).ascii().equals(domain)) {
            throw new IllegalArgumentException("domain is not in canonical A-label form");
        }
    }

    private static void requireCanonicalAddress(String address, String what) {
        if (address == null || !MailAddress.parse(address, true).key().equals(address)) {
            throw new IllegalArgumentException(what + " is not a canonical address key");
        }
    }
}
