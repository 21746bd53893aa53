package io.postflow.common.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.postflow.common.directory.DirectoryEntry.Account;
import io.postflow.common.directory.DirectoryEntry.Alias;
import io.postflow.common.directory.DirectoryEntry.LocalDomain;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectoryEntryTest {

    @ParameterizedTest
    @ValueSource(strings = {"Example.test", "bücher.example", "example.test.", "-bad.example", ""})
    void aLocalDomainMustBeACanonicalALabel(String domain) {
        assertThatThrownBy(() -> new LocalDomain(domain)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Alice@example.test", "alice@Example.test", "alice@bücher.example", "alice", "\"alice\"@example.test"})
    void anAccountMustBeACanonicalAddressKey(String address) {
        assertThatThrownBy(() -> new Account(address)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullNamesAreRefused() {
        assertThatThrownBy(() -> new LocalDomain(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Account(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Alias(null, List.of("a@example.test"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAliasNeedsCanonicalTargets() {
        assertThatThrownBy(() -> new Alias("info@example.test", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Alias("info@example.test", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Alias("info@example.test", List.of("Bob@example.test")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAliasKeepsItsOwnCopyOfTheTargets() {
        List<String> targets = new ArrayList<>(List.of("alice@example.test"));
        Alias alias = new Alias("info@example.test", targets);
        targets.add("bob@example.test");
        assertThat(alias.targets()).containsExactly("alice@example.test");
        assertThatThrownBy(() -> alias.targets().add("carol@example.test")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void acceptsAddressLiteralsAndUtf8LocalPartsInCanonicalForm() {
        assertThat(new Alias("info@example.test", List.of("ops@[192.0.2.1]", "jöran@example.test")).targets())
                .containsExactly("ops@[192.0.2.1]", "jöran@example.test");
    }
}
