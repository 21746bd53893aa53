package io.postflow.relay.routing;

import static io.postflow.relay.support.Directories.account;
import static io.postflow.relay.support.Directories.alias;
import static io.postflow.relay.support.Directories.domain;
import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.common.directory.DirectoryView;
import io.postflow.relay.support.Directories;
import java.util.List;
import org.junit.jupiter.api.Test;

class AliasExpanderTest {

    private final DirectoryView directory = Directories.of(
            domain("example.test"),
            account("alice@example.test"),
            account("bob@example.test"),
            alias("team@example.test", "alice@example.test", "bob@example.test", "carol@remote.test"),
            alias("all@example.test", "team@example.test", "alice@example.test"),
            alias("ping@example.test", "pong@example.test"),
            alias("pong@example.test", "alice@example.test", "ping@example.test"),
            alias("self@example.test", "self@example.test"),
            alias("ghost@example.test", "nobody@example.test"),
            alias("l1@example.test", "l2@example.test"),
            alias("l2@example.test", "l3@example.test"),
            alias("l3@example.test", "alice@example.test"));
    private final AliasExpander expander = new AliasExpander(directory, 10);

    @Test
    void accountResolvesToItself() {
        assertThat(expander.expand("Alice@Example.TEST")).containsExactly(new Destination.Local("alice@example.test"));
    }

    @Test
    void remoteAddressKeepsItsSpellingAndGetsItsAsciiDomain() {
        assertThat(expander.expand("Carol@bücher.example")).containsExactly(
                new Destination.Remote("Carol@bücher.example", "xn--bcher-kva.example"));
    }

    @Test
    void aliasExpandsToLocalAndRemoteTargets() {
        assertThat(expander.expand("team@example.test")).containsExactly(
                new Destination.Local("alice@example.test"),
                new Destination.Local("bob@example.test"),
                new Destination.Remote("carol@remote.test", "remote.test"));
    }

    @Test
    void nestedAliasesReachingOneAccountTwiceAreADiamondNotALoop() {
        assertThat(expander.expand("all@example.test")).containsExactly(
                new Destination.Local("alice@example.test"),
                new Destination.Local("bob@example.test"),
                new Destination.Remote("carol@remote.test", "remote.test"));
    }

    @Test
    void cycleFailsTheRecipientWith546() {
        List<Destination> result = expander.expand("ping@example.test");
        assertThat(result).hasSize(1);
        Destination.Unroutable loop = (Destination.Unroutable) result.get(0);
        assertThat(loop.status()).isEqualTo("5.4.6");
        assertThat(loop.diagnostic()).contains("ping@example.test -> pong@example.test -> ping@example.test");
        assertThat(expander.expand("self@example.test")).singleElement()
                .isEqualTo(new Destination.Unroutable("5.4.6", "X-Postflow; alias loop: self@example.test -> self@example.test"));
    }

    @Test
    void depthLimitIsALoopToo() {
        AliasExpander shallow = new AliasExpander(directory, 2);
        assertThat(shallow.expand("l1@example.test")).singleElement()
                .extracting(d -> ((Destination.Unroutable) d).status()).isEqualTo("5.4.6");
        assertThat(new AliasExpander(directory, 3).expand("l1@example.test"))
                .containsExactly(new Destination.Local("alice@example.test"));
    }

    @Test
    void unknownLocalIsPermanent511EvenBehindAnAlias() {
        assertThat(expander.expand("nobody@example.test")).singleElement()
                .isEqualTo(new Destination.Unroutable("5.1.1", "X-Postflow; no such local mailbox: nobody@example.test"));
        assertThat(expander.expand("ghost@example.test")).singleElement()
                .extracting(d -> ((Destination.Unroutable) d).status()).isEqualTo("5.1.1");
    }

    @Test
    void postmasterWithoutRouteIsTemporaryAndBadSyntaxPermanent() {
        Destination.Unroutable postmaster = (Destination.Unroutable) expander.expand("postmaster@example.test").get(0);
        assertThat(postmaster.status()).isEqualTo("4.3.0");
        assertThat(postmaster.permanent()).isFalse();
        assertThat(((Destination.Unroutable) expander.expand("not an address").get(0)).status()).isEqualTo("5.1.3");
    }
}
