package io.postflow.mailbox.domain.directory;

import io.postflow.mailbox.persistence.DirectoryOutbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;

/**
 * Runs a change of the directory in one database transaction and publishes it after the commit,
 * before the caller answers, so a new account is known to every service within seconds. The keys
 * the work touches are written to the outbox inside the transaction, so a crash between commit and
 * publication loses nothing. The transaction is opened here and not with {@code @WithTransaction}
 * on the REST method, because the publication must follow the commit.
 */
@ApplicationScoped
public class DirectoryTransactions {

    private final DirectoryOutbox outbox;
    private final DirectoryPublication publication;

    DirectoryTransactions(DirectoryOutbox outbox, DirectoryPublication publication) {
        this.outbox = outbox;
        this.publication = publication;
    }

    /**
     * @param work the transactional work; it names the directory keys it changed on the
     *             {@link TouchedKeys} it is given
     */
    public <T> Uni<T> commit(Function<TouchedKeys, Uni<T>> work) {
        TouchedKeys touched = new TouchedKeys();
        return Panache.withTransaction(() -> work.apply(touched)
                        .call(() -> outbox.record(touched.keys()).invoke(touched::recorded)))
                .call(() -> publication.publishCommitted(touched));
    }
}
