package io.postflow.mailbox.domain.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.postflow.common.directory.DirectoryEntry;
import io.postflow.mailbox.persistence.DirectoryQueries.DomainRow;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostmasterRuleTest {

    private final PostmasterRule unconfigured = new PostmasterRule(Optional.empty());
    private final PostmasterRule configured = new PostmasterRule(Optional.of("Ops@Example.Test"));

    @Test
    void aPostmasterAccountOrAliasIsPublishedAsItself() {
        assertThat(unconfigured.updateFor(new DomainRow(1, "a.test", true, false, "alice@a.test"))).isEmpty();
        assertThat(configured.updateFor(new DomainRow(1, "a.test", false, true, "alice@a.test"))).isEmpty();
    }

    @Test
    void routesToTheConfiguredAccountInItsCanonicalForm() {
        assertThat(configured.updateFor(new DomainRow(1, "a.test", false, false, "alice@a.test")))
                .contains(DirectoryUpdate.put(new DirectoryEntry.Alias("postmaster@a.test", List.of("ops@example.test"))));
        assertThat(configured.updateFor(new DomainRow(1, "empty.test", false, false, null)))
                .contains(DirectoryUpdate.put(new DirectoryEntry.Alias("postmaster@empty.test", List.of("ops@example.test"))));
    }

    @Test
    void withoutConfigurationRoutesToTheDomainsOldestAccount() {
        assertThat(unconfigured.updateFor(new DomainRow(1, "a.test", false, false, "alice@a.test")))
                .contains(DirectoryUpdate.put(new DirectoryEntry.Alias("postmaster@a.test", List.of("alice@a.test"))));
    }

    @Test
    void aDomainWithoutAccountsHasNoRouteAndItsKeyIsRemoved() {
        assertThat(unconfigured.updateFor(new DomainRow(1, "empty.test", false, false, null)))
                .contains(DirectoryUpdate.remove("postmaster@empty.test"));
    }

    @Test
    void neverRoutesPostmasterToItself() {
        PostmasterRule selfish = new PostmasterRule(Optional.of("postmaster@a.test"));
        assertThat(selfish.updateFor(new DomainRow(1, "a.test", false, false, "alice@a.test")))
                .contains(DirectoryUpdate.put(new DirectoryEntry.Alias("postmaster@a.test", List.of("alice@a.test"))));
        assertThat(selfish.updateFor(new DomainRow(2, "b.test", false, false, null)))
                .contains(DirectoryUpdate.put(new DirectoryEntry.Alias("postmaster@b.test", List.of("postmaster@a.test"))));
    }

    @Test
    void refusesAConfiguredValueThatIsNoAddress() {
        assertThatThrownBy(() -> new PostmasterRule(Optional.of("not an address")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postflow.directory.postmaster-account");
    }

    @Test
    void recognisesPostmasterKeys() {
        assertThat(PostmasterRule.isPostmasterKey("postmaster@a.test")).isTrue();
        assertThat(PostmasterRule.isPostmasterKey("postmasters@a.test")).isFalse();
        assertThat(PostmasterRule.postmasterKey("a.test")).isEqualTo("postmaster@a.test");
    }
}
