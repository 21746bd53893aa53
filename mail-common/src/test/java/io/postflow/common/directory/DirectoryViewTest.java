package io.postflow.common.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.common.address.MailAddress;
import io.postflow.common.directory.DirectoryView.Resolution;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoryViewTest {

    private final DirectoryView view = new DirectoryView();

    private void put(DirectoryEntry entry) {
        view.apply(entry.key(), DirectoryCodec.encode(entry));
    }

    @Test
    void resolvesAccountsAliasesPostmasterUnknownAndRemote() {
        put(new DirectoryEntry.LocalDomain("example.test"));
        put(new DirectoryEntry.Account("bob@example.test"));
        put(new DirectoryEntry.Alias("info@example.test", List.of("bob@example.test", "carol@remote.test")));

        assertThat(view.resolve(MailAddress.parse("Bob@Example.TEST"))).isEqualTo(new Resolution.LocalAccount("bob@example.test"));
        assertThat(view.resolve(MailAddress.parse("info@example.test")))
                .isEqualTo(new Resolution.LocalAlias("info@example.test", List.of("bob@example.test", "carol@remote.test")));
        assertThat(view.resolve(MailAddress.parse("postmaster@example.test"))).isInstanceOf(Resolution.Postmaster.class);
        assertThat(view.resolve(MailAddress.parse("nobody@example.test"))).isInstanceOf(Resolution.UnknownLocal.class);
        assertThat(view.resolve(MailAddress.parse("bob@remote.test"))).isInstanceOf(Resolution.Remote.class);
        assertThat(view.resolve(MailAddress.parse("bob@[192.0.2.1]"))).isInstanceOf(Resolution.Remote.class);
    }

    @Test
    void tombstonesRemoveEntries() {
        put(new DirectoryEntry.LocalDomain("example.test"));
        put(new DirectoryEntry.Account("bob@example.test"));
        view.apply("bob@example.test", null);
        assertThat(view.resolve(MailAddress.parse("bob@example.test"))).isInstanceOf(Resolution.UnknownLocal.class);
        view.apply("example.test", null);
        assertThat(view.resolve(MailAddress.parse("bob@example.test"))).isInstanceOf(Resolution.Remote.class);
        assertThat(view.size()).isZero();
    }

    @Test
    void notLoadedUntilMarked() {
        assertThat(view.loaded()).isFalse();
        view.markLoaded();
        assertThat(view.loaded()).isTrue();
    }

    @Test
    void internationalisedDomainsResolveByTheirALabel() {
        put(new DirectoryEntry.LocalDomain("xn--bcher-kva.example"));
        put(new DirectoryEntry.Account("jo@xn--bcher-kva.example"));
        assertThat(view.resolve(MailAddress.parse("jo@b\u00fccher.example", true))).isInstanceOf(Resolution.LocalAccount.class);
    }
}
