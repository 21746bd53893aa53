package io.postflow.mailbox.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

@ApplicationScoped
public class DomainRepository implements PanacheRepository<DomainEntity> {

    public Uni<DomainEntity> findByName(String asciiName) {
        return find("name", asciiName).firstResult();
    }

    /**
     * The domain, row-locked until the end of the transaction. Every change to a domain's
     * directory (accounts, aliases, the domain itself) takes this lock first, so the changes of
     * one domain are serialised: an alias and an account can never both claim one address, and a
     * domain cannot lose its last check for accounts to a concurrent insert.
     */
    public Uni<DomainEntity> lockByName(String asciiName) {
        return find("name", asciiName).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<List<DomainEntity>> listByName() {
        return listAll(Sort.by("name"));
    }
}
