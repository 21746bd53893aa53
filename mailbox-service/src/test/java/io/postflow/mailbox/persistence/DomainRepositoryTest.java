package io.postflow.mailbox.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.common.address.Domain;
import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.PostgresTestResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

/** Writes and reads the real PostgreSQL database through Hibernate Reactive, schema by Flyway. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class DomainRepositoryTest {

    @Inject
    DomainRepository domains;

    @Test
    @RunOnVertxContext
    void storesAndFindsADomainByItsCanonicalName(UniAsserter asserter) {
        String name = Domain.parse("Bücher.Example").ascii();
        asserter.execute(() -> Panache.withTransaction(() -> domains.persist(DomainEntity.named(name))));
        asserter.assertThat(() -> Panache.withSession(() -> domains.findByName("xn--bcher-kva.example")), found -> {
            assertThat(found).isNotNull();
            assertThat(found.id).isNotNull();
            assertThat(found.name).isEqualTo("xn--bcher-kva.example");
        });
    }

    @Test
    @RunOnVertxContext
    void theDatabaseRefusesADuplicateDomain(UniAsserter asserter) {
        asserter.execute(() -> Panache.withTransaction(() -> domains.persist(DomainEntity.named("dup.example"))));
        asserter.assertFailedWith(() -> Panache.withTransaction(() -> domains.persist(DomainEntity.named("dup.example"))),
                PersistenceException.class);
    }
}
