package io.postflow.mailbox.domain.directory;

import static io.postflow.common.directory.DirectoryCodec.isDomainKey;

import io.postflow.common.directory.DirectoryEntry;
import io.postflow.mailbox.persistence.DirectoryQueries;
import io.postflow.mailbox.persistence.DirectoryQueries.DomainRow;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The committed state of given directory keys, read fresh from the database: what is published
 * is always what a reader of the database would see now, never what a transaction believed it
 * wrote. A key that no longer exists resolves to a tombstone.
 */
@ApplicationScoped
public class DirectoryResolver {

    private static final Logger LOG = Logger.getLogger(DirectoryResolver.class);

    private final DirectoryQueries queries;
    private final PostmasterRule postmaster;

    DirectoryResolver(DirectoryQueries queries, PostmasterRule postmaster) {
        this.queries = queries;
        this.postmaster = postmaster;
    }

    /** At most one update per distinct key, in the order given. */
    public Uni<List<DirectoryUpdate>> current(List<String> keys) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(keys));
        List<String> domainKeys = distinct.stream().filter(key -> isDomainKey(key)).toList();
        List<String> addressKeys = distinct.stream().filter(key -> !isDomainKey(key)).toList();
        return Uni.combine().all()
                .unis(domainKeys.isEmpty() ? Uni.createFrom().item(List.<DomainRow>of()) : queries.domainsNamed(domainKeys),
                        addressKeys.isEmpty() ? Uni.createFrom().item(List.<DirectoryEntry>of()) : queries.addressesKeyed(addressKeys))
                .asTuple()
                .chain(found -> withPostmasters(distinct, found.getItem1(), found.getItem2()));
    }

    private Uni<List<DirectoryUpdate>> withPostmasters(List<String> keys, List<DomainRow> domains, List<DirectoryEntry> addresses) {
        Map<String, DirectoryEntry> entries = new HashMap<>();
        domains.forEach(domain -> entries.put(domain.name(), new DirectoryEntry.LocalDomain(domain.name())));
        addresses.forEach(entry -> entries.put(entry.key(), entry));
        // A postmaster key without an account or alias of its own takes its route from its domain.
        List<String> postmasterDomains = keys.stream()
                .filter(key -> !entries.containsKey(key) && PostmasterRule.isPostmasterKey(key))
                .map(key -> key.substring(key.indexOf('@') + 1))
                .toList();
        Uni<List<DomainRow>> routes = postmasterDomains.isEmpty()
                ? Uni.createFrom().item(List.of())
                : queries.domainsNamed(postmasterDomains);
        return routes.map(rows -> {
            Map<String, Optional<DirectoryUpdate>> postmasters = new HashMap<>();
            for (DomainRow row : rows) {
                Optional<DirectoryUpdate> route = postmaster.updateFor(row);
                postmasters.put(PostmasterRule.postmasterKey(row.name()), route);
                route.filter(DirectoryUpdate::isRemoval).ifPresent(removed -> warnNoRoute(row.name()));
            }
            List<DirectoryUpdate> updates = new ArrayList<>(keys.size());
            for (String key : keys) {
                if (entries.containsKey(key)) {
                    updates.add(DirectoryUpdate.put(entries.get(key)));
                } else if (postmasters.containsKey(key)) {
                    // Empty: an account or alias of that name appeared since the first query; its
                    // own transaction publishes it.
                    postmasters.get(key).ifPresent(updates::add);
                } else {
                    updates.add(DirectoryUpdate.remove(key));
                }
            }
            return updates;
        });
    }

    private static void warnNoRoute(String domain) {
        LOG.warnf("postmaster@%s has no route: the domain has no account and postflow.directory.postmaster-account "
                + "is not set; it is routed to the domain's first account once one exists", domain);
    }
}
