package io.postflow.mailbox.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AccountRepository implements PanacheRepository<AccountEntity> {

    public Uni<AccountEntity> findByAddress(String key) {
        return find("address", key).firstResult();
    }

    public Uni<Boolean> existsByAddress(String key) {
        return count("address", key).map(n -> n > 0);
    }

    public Uni<Long> countInDomain(long domainId) {
        return count("domainId", domainId);
    }
}
