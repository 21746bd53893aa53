package io.postflow.relay.routing;

import io.postflow.common.address.AddressException;
import io.postflow.common.address.MailAddress;
import io.postflow.common.directory.DirectoryView;
import io.postflow.common.directory.DirectoryView.Resolution;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Expands one recipient through the directory into its final destinations: local accounts, remote
 * mailboxes, or one reason why it cannot be routed. Aliases are followed depth first; an alias
 * that appears again on its own path is a cycle, and the whole recipient fails with 5.4.6
 * (RFC 3463: routing loop) rather than delivering a partial, surprising subset. Diamonds (two
 * aliases leading to one account) are not cycles: the account simply appears once.
 */
public final class AliasExpander {

    private final DirectoryView directory;
    private final int maxDepth;

    public AliasExpander(DirectoryView directory, int maxDepth) {
        this.directory = directory;
        this.maxDepth = maxDepth;
    }

    /** The destinations of {@code address}, without duplicates, in first-seen order. */
    public List<Destination> expand(String address) {
        MailAddress parsed;
        try {
            parsed = MailAddress.parse(address, true);
        } catch (AddressException e) {
            return List.of(new Destination.Unroutable("5.1.3", "X-Postflow; bad recipient address syntax"));
        }
        Set<Destination> found = new LinkedHashSet<>();
        Destination failure = walk(parsed, new ArrayDeque<>(), found);
        return failure != null ? List.of(failure) : List.copyOf(found);
    }

    /** Adds the destinations of {@code address} to {@code found}; returns a failure that spoils the whole expansion. */
    private Destination walk(MailAddress address, Deque<String> path, Set<Destination> found) {
        Resolution resolution = directory.resolve(address);
        if (resolution instanceof Resolution.LocalAccount account) {
            found.add(new Destination.Local(account.key()));
        } else if (resolution instanceof Resolution.Remote) {
            found.add(new Destination.Remote(path.isEmpty() ? address.original() : address.key(), remoteDomain(address)));
        } else if (resolution instanceof Resolution.UnknownLocal unknown) {
            return new Destination.Unroutable("5.1.1", "X-Postflow; no such local mailbox: " + unknown.key());
        } else if (resolution instanceof Resolution.Postmaster postmaster) {
            // The directory publishes a route for postmaster@ once the domain has an account.
            return new Destination.Unroutable("4.3.0", "X-Postflow; no route for " + postmaster.key() + " yet");
        } else if (resolution instanceof Resolution.LocalAlias alias) {
            return expandAlias(alias, path, found);
        }
        return null;
    }

    private Destination expandAlias(Resolution.LocalAlias alias, Deque<String> path, Set<Destination> found) {
        if (path.contains(alias.key())) {
            return new Destination.Unroutable("5.4.6",
                    "X-Postflow; alias loop: " + String.join(" -> ", path) + " -> " + alias.key());
        }
        if (path.size() >= maxDepth) {
            return new Destination.Unroutable("5.4.6", "X-Postflow; aliases nested deeper than " + maxDepth);
        }
        path.addLast(alias.key());
        for (String target : alias.targets()) {
            Destination failure = walk(MailAddress.parse(target, true), path, found);
            if (failure != null) {
                return failure;
            }
        }
        path.removeLast();
        return null;
    }

    private static String remoteDomain(MailAddress address) {
        return address.domain() != null ? address.domain().ascii() : address.addressLiteral();
    }
}
