package io.postflow.mailbox.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DomainRepository implements PanacheRepository<DomainEntity> {

    public Uni<DomainEntity> findByName(String asciiName) {
        return find("name", asciiName).firstResult();
    }
}
