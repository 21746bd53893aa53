package io.postflow.mailbox.domain.admin;

import io.postflow.common.address.Domain;
import io.postflow.mailbox.domain.directory.DirectoryTransactions;
import io.postflow.mailbox.domain.directory.PostmasterRule;
import io.postflow.mailbox.persistence.AccountRepository;
import io.postflow.mailbox.persistence.AliasRepository;
import io.postflow.mailbox.persistence.DomainEntity;
import io.postflow.mailbox.persistence.DomainRepository;
import io.postflow.mailbox.persistence.SqlStates;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/** Local domains: create, list, delete. */
@ApplicationScoped
public class DomainAdmin {

    private static final Logger LOG = Logger.getLogger(DomainAdmin.class);

    private final DomainRepository domains;
    private final AccountRepository accounts;
    private final AliasRepository aliases;
    private final DirectoryTransactions directory;

    DomainAdmin(DomainRepository domains, AccountRepository accounts, AliasRepository aliases, DirectoryTransactions directory) {
        this.domains = domains;
        this.accounts = accounts;
        this.aliases = aliases;
        this.directory = directory;
    }

    /** Adds a local domain, stored and published by its A-label; answers it parsed. */
    public Uni<Domain> create(String name) {
        Domain domain = AdminInput.domain(name);
        String ascii = domain.ascii();
        return directory.commit(touched -> domains.findByName(ascii)
                        .onItem().ifNotNull().failWith(() -> AdminRejection.conflict("domain " + ascii + " exists"))
                        .chain(() -> domains.persist(DomainEntity.named(ascii)))
                        .invoke(() -> touched.touch(ascii, PostmasterRule.postmasterKey(ascii))))
                .onFailure(SqlStates::isUniqueViolation)
                .transform(race -> AdminRejection.conflict("domain " + ascii + " exists"))
                .invoke(() -> LOG.infof("domain %s created", ascii))
                .replaceWith(domain);
    }

    /** Every local domain, by name. */
    public Uni<List<Domain>> list() {
        return Panache.withSession(domains::listByName)
                .map(all -> all.stream().map(entity -> Domain.parse(entity.name)).toList());
    }

    /**
     * Removes a domain and its aliases; refused while it has accounts, which must be deleted
     * first (their mail would otherwise be lost by accident). The domain, its aliases and its
     * postmaster entry are removed from the directory.
     */
    public Uni<Void> delete(String name) {
        String ascii = AdminInput.domain(name).ascii();
        return directory.commit(touched -> domains.lockByName(ascii)
                        .onItem().ifNull().failWith(() -> AdminRejection.notFound("no domain " + ascii))
                        .call(domain -> accounts.countInDomain(domain.id).chain(count -> AdminRejection.failIf(count > 0,
                                () -> AdminRejection.conflict("domain " + ascii + " still has " + count
                                        + (count == 1 ? " account" : " accounts") + "; delete them first"))))
                        .call(domain -> aliases.deleteInDomain(domain.id).invoke(touched::touchAll))
                        .call(domains::delete)
                        .invoke(() -> touched.touch(ascii, PostmasterRule.postmasterKey(ascii))))
                .onFailure(SqlStates::isForeignKeyViolation)
                .transform(race -> AdminRejection.conflict("domain " + ascii + " still has accounts"))
                .invoke(() -> LOG.infof("domain %s deleted", ascii))
                .replaceWithVoid();
    }
}
