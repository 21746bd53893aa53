package io.postflow.mailbox.domain.directory;

import io.postflow.common.directory.DirectoryEntry;
import io.postflow.mailbox.persistence.DirectoryQueries;
import io.postflow.mailbox.persistence.DirectoryQueries.DomainRow;
import io.postflow.mailbox.persistence.DirectoryQueries.Page;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Publishes every live directory entry again: each domain with its postmaster route, each account
 * and each alias, page by page, waiting for Kafka's acknowledgement of a page before reading the
 * next, so memory stays flat whatever the number of accounts. Rebuilds the topic from the
 * database, e.g. after it was lost.
 *
 * <p>A republish does not remove keys: deletions reach the topic through the outbox
 * ({@link DirectoryRepair}).
 */
@ApplicationScoped
public class DirectoryRepublisher {

    private static final Logger LOG = Logger.getLogger(DirectoryRepublisher.class);
    static final int PAGE = 500;

    /** What one republish wrote. */
    public record Report(long domains, long accounts, long aliases, long domainsWithoutPostmaster) {
    }

    /** One keyset page of a table. */
    @FunctionalInterface
    private interface PageQuery<T> {
        Uni<Page<T>> after(long afterId, int limit);
    }

    private final DirectoryQueries queries;
    private final DirectoryPublisher publisher;
    private final PostmasterRule postmaster;

    DirectoryRepublisher(DirectoryQueries queries, DirectoryPublisher publisher, PostmasterRule postmaster) {
        this.queries = queries;
        this.publisher = publisher;
        this.postmaster = postmaster;
    }

    public Uni<Report> republishAll() {
        long began = System.nanoTime();
        AtomicLong withoutPostmaster = new AtomicLong();
        return pages(this::domainPage, rows -> domainUpdates(rows, withoutPostmaster))
                .chain(domains -> pages(queries::accountPage, DirectoryRepublisher::puts)
                        .chain(accounts -> pages(queries::aliasPage, DirectoryRepublisher::puts)
                                .map(aliases -> new Report(domains, accounts, aliases, withoutPostmaster.get()))))
                .invoke(report -> LOG.infof("directory republished in %d ms: %d domains, %d accounts, %d aliases%s",
                        (System.nanoTime() - began) / 1_000_000, report.domains(), report.accounts(), report.aliases(),
                        report.domainsWithoutPostmaster() == 0 ? ""
                                : "; " + report.domainsWithoutPostmaster() + " domains have no account, so no postmaster route"));
    }

    private Uni<Page<DomainRow>> domainPage(long afterId, int limit) {
        return queries.domainPage(afterId, limit)
                .map(rows -> new Page<>(rows, rows.isEmpty() ? afterId : rows.get(rows.size() - 1).id()));
    }

    private List<DirectoryUpdate> domainUpdates(List<DomainRow> rows, AtomicLong withoutPostmaster) {
        List<DirectoryUpdate> updates = new ArrayList<>(2 * rows.size());
        for (DomainRow row : rows) {
            updates.add(DirectoryUpdate.put(new DirectoryEntry.LocalDomain(row.name())));
            postmaster.updateFor(row).ifPresent(route -> {
                updates.add(route); // a removal too: it clears a route left by the domain's last account
                if (route.isRemoval()) {
                    withoutPostmaster.incrementAndGet();
                }
            });
        }
        return updates;
    }

    private static List<DirectoryUpdate> puts(List<DirectoryEntry> entries) {
        return entries.stream().map(DirectoryUpdate::put).toList();
    }

    /** Reads and publishes pages until a short one; answers the number of rows. */
    private <T> Uni<Long> pages(PageQuery<T> query, Function<List<T>, List<DirectoryUpdate>> toUpdates) {
        return Multi.createBy().repeating()
                .uni(Cursor::new, cursor -> query.after(cursor.afterId, PAGE)
                        .call(page -> publisher.publish(toUpdates.apply(page.items())))
                        .invoke(page -> cursor.afterId = page.lastId()))
                .whilst(page -> page.items().size() == PAGE)
                .collect().with(Collectors.summingLong(page -> page.items().size()));
    }

    /** Where the next page starts; advanced only after the page was acknowledged. */
    private static final class Cursor {
        long afterId;
    }
}
