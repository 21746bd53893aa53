package io.postflow.mailbox.domain.directory;

import io.postflow.common.address.AddressException;
import io.postflow.common.address.MailAddress;
import io.postflow.common.directory.DirectoryEntry;
import io.postflow.mailbox.config.MailboxConfig;
import io.postflow.mailbox.persistence.DirectoryQueries.DomainRow;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Where {@code postmaster@<domain>} goes. RFC 5321 §4.5.1 requires every domain that accepts mail
 * to accept it for postmaster, so each local domain gets a directory entry for it:
 * <ol>
 *   <li>an account or alias of that name is its own entry;</li>
 *   <li>otherwise an alias to {@code postflow.directory.postmaster-account};</li>
 *   <li>without that setting, an alias to the domain's oldest account;</li>
 *   <li>a domain with no account at all has no route: the key is removed until one exists.</li>
 * </ol>
 */
@ApplicationScoped
@Startup // an invalid setting stops the service at start-up, not at the first publication
public class PostmasterRule {

    private final Optional<String> configuredTarget;

    @Inject
    PostmasterRule(MailboxConfig config) {
        this(config.directory().postmasterAccount());
    }

    /** @param configuredTarget the address postmaster goes to when the domain has none of its own */
    public PostmasterRule(Optional<String> configuredTarget) {
        this.configuredTarget = configuredTarget.map(PostmasterRule::canonical);
    }

    public static String postmasterKey(String asciiDomain) {
        return "postmaster@" + asciiDomain;
    }

    public static boolean isPostmasterKey(String key) {
        return key.startsWith("postmaster@"); // keys are lower case, see MailAddress.key()
    }

    /**
     * The update for the domain's postmaster key, or empty when an account or alias of that name
     * exists and is published as itself.
     */
    public Optional<DirectoryUpdate> updateFor(DomainRow domain) {
        if (domain.postmasterAccount() || domain.postmasterAlias()) {
            return Optional.empty();
        }
        String key = postmasterKey(domain.name());
        // A configured postmaster@ of this very domain would make the alias point at itself.
        String target = configuredTarget.filter(configured -> !configured.equals(key)).orElse(domain.firstAccount());
        if (target == null) {
            return Optional.of(DirectoryUpdate.remove(key));
        }
        return Optional.of(DirectoryUpdate.put(new DirectoryEntry.Alias(key, List.of(target))));
    }

    private static String canonical(String address) {
        try {
            return MailAddress.parse(address.strip(), true).key();
        } catch (AddressException e) {
            throw new IllegalArgumentException("postflow.directory.postmaster-account is not a mail address: " + e.reason(), e);
        }
    }
}
