package io.postflow.mailbox.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AliasRepository implements PanacheRepository<AliasEntity> {

    public Uni<AliasEntity> findByAddress(String key) {
        return find("address", key).firstResult();
    }

    public Uni<Boolean> existsByAddress(String key) {
        return count("address", key).map(n -> n > 0);
    }

    /** Deletes the aliases of a domain and answers their addresses. */
    public Uni<List<String>> deleteInDomain(long domainId) {
        return getSession().chain(session -> session
                .<String>createNativeQuery("DELETE FROM alias WHERE domain_id = ?1 RETURNING address", String.class)
                .setParameter(1, domainId)
                .getResultList());
    }
}
