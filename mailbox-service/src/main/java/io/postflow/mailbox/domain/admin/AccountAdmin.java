package io.postflow.mailbox.domain.admin;

import io.postflow.common.address.MailAddress;
import io.postflow.mailbox.domain.directory.DirectoryTransactions;
import io.postflow.mailbox.domain.directory.PostmasterRule;
import io.postflow.mailbox.domain.password.PasswordHashing;
import io.postflow.mailbox.domain.password.PasswordPolicy;
import io.postflow.mailbox.persistence.AccountEntity;
import io.postflow.mailbox.persistence.AccountRepository;
import io.postflow.mailbox.persistence.AliasRepository;
import io.postflow.mailbox.persistence.DomainRepository;
import io.postflow.mailbox.persistence.MailboxEntity;
import io.postflow.mailbox.persistence.MailboxRepository;
import io.postflow.mailbox.persistence.MessageBodyReferences;
import io.postflow.mailbox.persistence.SqlStates;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Accounts: create with their default mailboxes, change password or quota, delete. */
@ApplicationScoped
public class AccountAdmin {

    private static final Logger LOG = Logger.getLogger(AccountAdmin.class);

    /** A new account as stored. */
    public record Created(String address, Long quotaBytes) {
    }

    private final DomainRepository domains;
    private final AccountRepository accounts;
    private final AliasRepository aliases;
    private final MailboxRepository mailboxes;
    private final MessageBodyReferences bodies;
    private final PasswordHashing hashing;
    private final DirectoryTransactions directory;

    AccountAdmin(DomainRepository domains, AccountRepository accounts, AliasRepository aliases, MailboxRepository mailboxes,
            MessageBodyReferences bodies, PasswordHashing hashing, DirectoryTransactions directory) {
        this.domains = domains;
        this.accounts = accounts;
        this.aliases = aliases;
        this.mailboxes = mailboxes;
        this.bodies = bodies;
        this.hashing = hashing;
        this.directory = directory;
    }

    /**
     * Creates an account and, in the same transaction, its default mailboxes. The password is
     * hashed first, on a worker thread, so no transaction waits on it.
     */
    public Uni<Created> create(String addressText, String password) {
        MailAddress address = AdminInput.localAddress(addressText, "address");
        checkPassword(password);
        String key = address.key();
        String domainName = address.domain().ascii();
        return hashing.hash(password)
                .chain(hash -> directory.commit(touched -> domains.lockByName(domainName)
                        .onItem().ifNull().failWith(() -> AdminRejection.notLocal("domain " + domainName + " is not a local domain"))
                        .call(domain -> refuseTaken(key))
                        .chain(domain -> accounts.persist(AccountEntity.of(domain.id, key, hash)))
                        .call(account -> mailboxes.createDefaults(account.id))
                        .invoke(() -> touched.touch(key, PostmasterRule.postmasterKey(domainName)))))
                .onFailure(SqlStates::isUniqueViolation)
                .transform(race -> AdminRejection.conflict("address " + key + " is taken"))
                .invoke(account -> LOG.infof("account %s created", key))
                .map(account -> new Created(account.address, account.quotaBytes));
    }

    /** Changes the password and/or the quota of an account. */
    public Uni<Void> update(String addressText, AccountUpdate update) {
        String key = AdminInput.address(addressText, "address").key();
        update.password().ifPresent(AccountAdmin::checkPassword);
        Uni<Optional<String>> newHash = update.password().isPresent()
                ? hashing.hash(update.password().get()).map(Optional::of)
                : Uni.createFrom().item(Optional.empty());
        return newHash.chain(hash -> directory.commit(touched -> accounts.findByAddress(key)
                        .onItem().ifNull().failWith(() -> AdminRejection.notFound("no account " + key))
                        .invoke(account -> {
                            hash.ifPresent(phc -> {
                                account.passwordHash = phc;
                                // Republished so that readers caching a successful login for this
                                // account drop it: a new password must take effect at once.
                                touched.touch(key);
                            });
                            update.quota().ifPresent(quota -> account.quotaBytes = quota.limitBytes());
                            account.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
                        })))
                .invoke(() -> LOG.infof("account %s updated:%s%s", key,
                        update.password().isPresent() ? " password" : "", update.quota().isPresent() ? " quota" : ""))
                .replaceWithVoid();
    }

    /**
     * Deletes an account; its mailboxes and entries go with it (ON DELETE CASCADE). The message
     * bodies it referenced are released, not deleted: the sweeper removes those no longer
     * referenced after the grace period.
     */
    public Uni<Void> delete(String addressText) {
        MailAddress address = AdminInput.address(addressText, "address");
        String key = address.key();
        if (address.domain() == null) {
            return Uni.createFrom().failure(AdminRejection.notFound("no account " + key));
        }
        String domainName = address.domain().ascii();
        return directory.commit(touched -> domains.lockByName(domainName)
                        .chain(domain -> domain == null ? Uni.createFrom().nullItem() : accounts.findByAddress(key))
                        .onItem().ifNull().failWith(() -> AdminRejection.notFound("no account " + key))
                        .call(account -> bodies.releaseAllOfAccount(account.id))
                        .call(accounts::delete)
                        .invoke(() -> touched.touch(key, PostmasterRule.postmasterKey(domainName))))
                .invoke(() -> LOG.infof("account %s deleted", key))
                .replaceWithVoid();
    }

    /** The mailboxes of an account with their counters, in creation order. */
    public Uni<List<MailboxEntity>> mailboxes(String addressText) {
        String key = AdminInput.address(addressText, "address").key();
        return Panache.withSession(() -> accounts.findByAddress(key)
                .onItem().ifNull().failWith(() -> AdminRejection.notFound("no account " + key))
                .chain(account -> mailboxes.listOfAccount(account.id)));
    }

    private Uni<Void> refuseTaken(String key) {
        return accounts.existsByAddress(key)
                .chain(account -> AdminRejection.failIf(account, () -> AdminRejection.conflict("account " + key + " exists")))
                .chain(() -> aliases.existsByAddress(key))
                .chain(alias -> AdminRejection.failIf(alias, () -> AdminRejection.conflict("address " + key + " is an alias")));
    }

    private static void checkPassword(String password) {
        PasswordPolicy.violation(password).ifPresent(reason -> {
            throw AdminRejection.invalid(reason);
        });
    }
}
