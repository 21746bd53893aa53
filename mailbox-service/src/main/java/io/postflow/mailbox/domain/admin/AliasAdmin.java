package io.postflow.mailbox.domain.admin;

import io.postflow.common.address.MailAddress;
import io.postflow.mailbox.domain.directory.DirectoryTransactions;
import io.postflow.mailbox.persistence.AccountRepository;
import io.postflow.mailbox.persistence.AliasEntity;
import io.postflow.mailbox.persistence.AliasRepository;
import io.postflow.mailbox.persistence.DomainRepository;
import io.postflow.mailbox.persistence.SqlStates;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/** Aliases: local addresses that forward to local accounts or remote mailboxes. */
@ApplicationScoped
public class AliasAdmin {

    private static final Logger LOG = Logger.getLogger(AliasAdmin.class);
    /** RFC 5321 §4.5.3.1.8 asks for at least 100 recipients per message; an alias list may be larger. */
    static final int MAX_TARGETS = 1000;

    /** A new alias as stored: canonical address and targets. */
    public record Created(String address, List<String> targets) {
    }

    private final DomainRepository domains;
    private final AccountRepository accounts;
    private final AliasRepository aliases;
    private final DirectoryTransactions directory;

    AliasAdmin(DomainRepository domains, AccountRepository accounts, AliasRepository aliases, DirectoryTransactions directory) {
        this.domains = domains;
        this.accounts = accounts;
        this.aliases = aliases;
        this.directory = directory;
    }

    /**
     * Creates an alias in a local domain. Targets are stored as canonical keys, duplicates
     * dropped, in the order given; they may be local or remote. {@code postmaster@<domain>} may
     * be an alias too, which then replaces the configured postmaster route of that domain.
     */
    public Uni<Created> create(String addressText, List<String> targetTexts) {
        MailAddress address = AdminInput.localAddress(addressText, "address");
        String key = address.key();
        List<String> targets = canonicalTargets(key, targetTexts);
        String domainName = address.domain().ascii();
        return directory.commit(touched -> domains.lockByName(domainName)
                        .onItem().ifNull().failWith(() -> AdminRejection.notLocal("domain " + domainName + " is not a local domain"))
                        .call(domain -> aliases.existsByAddress(key)
                                .chain(alias -> AdminRejection.failIf(alias, () -> AdminRejection.conflict("alias " + key + " exists"))))
                        .call(domain -> accounts.existsByAddress(key)
                                .chain(account -> AdminRejection.failIf(account, () -> AdminRejection.conflict("address " + key + " is an account"))))
                        .chain(domain -> aliases.persist(AliasEntity.of(domain.id, key, targets)))
                        .invoke(() -> touched.touch(key)))
                .onFailure(SqlStates::isUniqueViolation)
                .transform(race -> AdminRejection.conflict("alias " + key + " exists"))
                .invoke(() -> LOG.infof("alias %s created for %d targets", key, targets.size()))
                .replaceWith(new Created(key, targets));
    }

    /** Deletes an alias; a postmaster alias falls back to the domain's configured route. */
    public Uni<Void> delete(String addressText) {
        MailAddress address = AdminInput.address(addressText, "address");
        String key = address.key();
        if (address.domain() == null) {
            return Uni.createFrom().failure(AdminRejection.notFound("no alias " + key));
        }
        return directory.commit(touched -> domains.lockByName(address.domain().ascii())
                        .chain(domain -> domain == null ? Uni.createFrom().nullItem() : aliases.findByAddress(key))
                        .onItem().ifNull().failWith(() -> AdminRejection.notFound("no alias " + key))
                        .call(aliases::delete)
                        .invoke(() -> touched.touch(key)))
                .invoke(() -> LOG.infof("alias %s deleted", key))
                .replaceWithVoid();
    }

    private static List<String> canonicalTargets(String aliasKey, List<String> texts) {
        if (texts == null || texts.isEmpty()) {
            throw AdminRejection.invalid("targets must name at least one address");
        }
        if (texts.size() > MAX_TARGETS) {
            throw AdminRejection.invalid("at most " + MAX_TARGETS + " targets");
        }
        Set<String> keys = new LinkedHashSet<>();
        for (String text : texts) {
            String target = AdminInput.address(text, "target").key();
            if (target.equals(aliasKey)) {
                throw AdminRejection.invalid("alias " + aliasKey + " cannot forward to itself");
            }
            keys.add(target);
        }
        return new ArrayList<>(keys);
    }
}
