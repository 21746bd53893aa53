package io.postflow.common.directory;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.postflow.common.address.Domain;
import io.postflow.common.address.MailAddress;
import io.postflow.common.directory.DirectoryEntry.Account;
import io.postflow.common.directory.DirectoryEntry.Alias;
import io.postflow.common.directory.DirectoryEntry.LocalDomain;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DirectoryCodecTest {

    static Stream<DirectoryEntry> entries() {
        return Stream.of(
                new LocalDomain("example.test"),
                new LocalDomain(Domain.parse("bücher.example").ascii()),
                new Account("alice@example.test"),
                new Account(MailAddress.parse("Jöran@Bücher.example", true).key()),
                new Account("\"john doe\"@example.test"),
                new Alias("info@example.test", List.of("alice@example.test", "bob@remote.example")),
                new Alias("postmaster@example.test", List.of("alice@example.test")));
    }

    @ParameterizedTest
    @MethodSource("entries")
    void roundTripsEveryKindOfEntryUnderItsOwnKey(DirectoryEntry entry) {
        String key = DirectoryCodec.key(entry);
        assertThat(DirectoryCodec.decode(key, DirectoryCodec.encode(entry))).isEqualTo(entry);
    }

    @Test
    void keysAreTheCanonicalDomainOrAddress() {
        assertThat(DirectoryCodec.key(new LocalDomain("xn--bcher-kva.example"))).isEqualTo("xn--bcher-kva.example");
        assertThat(DirectoryCodec.key(new Account("alice@example.test"))).isEqualTo("alice@example.test");
        assertThat(DirectoryCodec.key(new Alias("info@example.test", List.of("a@b.test")))).isEqualTo("info@example.test");
    }

    @Test
    void writesStableCompactJson() {
        // The wire format is a contract between services: these golden texts change only with a version bump.
        assertThat(json(new LocalDomain("example.test")))
                .isEqualTo("{\"version\":1,\"type\":\"domain\",\"domain\":\"example.test\"}");
        assertThat(json(new Account("alice@example.test")))
                .isEqualTo("{\"version\":1,\"type\":\"account\",\"address\":\"alice@example.test\"}");
        assertThat(json(new Alias("info@example.test", List.of("alice@example.test", "bob@remote.example"))))
                .isEqualTo("{\"version\":1,\"type\":\"alias\",\"address\":\"info@example.test\","
                        + "\"targets\":[\"alice@example.test\",\"bob@remote.example\"]}");
    }

    @Test
    void writesUtf8AddressesAsUtf8NotEscapes() {
        String key = MailAddress.parse("jöran@example.test", true).key();
        assertThat(json(new Account(key))).contains("jöran@example.test").doesNotContain("\\u");
    }

    @Test
    void aNullValueIsATombstone() {
        assertThat(DirectoryCodec.decode("alice@example.test", null)).isNull();
        assertThat(DirectoryCodec.decode("example.test", null)).isNull();
    }

    @Test
    void tellsDomainKeysFromAddressKeys() {
        assertThat(DirectoryCodec.isDomainKey("example.test")).isTrue();
        assertThat(DirectoryCodec.isDomainKey("alice@example.test")).isFalse();
        assertThat(DirectoryCodec.isDomainKey("\"a@b\"@example.test")).isFalse();
    }

    @Test
    void ignoresUnknownFields() {
        String value = "{\"version\":1,\"type\":\"account\",\"address\":\"alice@example.test\",\"displayName\":\"Alice\"}";
        assertThat(DirectoryCodec.decode("alice@example.test", value.getBytes(UTF_8))).isEqualTo(new Account("alice@example.test"));
    }

    @Test
    void rejectsANewerVersion() {
        String value = "{\"version\":2,\"type\":\"account\",\"address\":\"alice@example.test\"}";
        assertThatThrownBy(() -> DirectoryCodec.decode("alice@example.test", value.getBytes(UTF_8)))
                .isInstanceOf(DirectoryFormatException.class)
                .hasMessageContaining("unsupported directory record version 2");
    }

    @Test
    void rejectsAKeyThatIsNotTheEntrysOwn() {
        byte[] value = DirectoryCodec.encode(new Account("alice@example.test"));
        assertThatThrownBy(() -> DirectoryCodec.decode("bob@example.test", value))
                .isInstanceOf(DirectoryFormatException.class)
                .hasMessageContaining("key does not match");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsARecordWithoutAKey(String key) {
        byte[] value = DirectoryCodec.encode(new Account("alice@example.test"));
        assertThatThrownBy(() -> DirectoryCodec.decode(key, value)).isInstanceOf(DirectoryFormatException.class);
        assertThatThrownBy(() -> DirectoryCodec.decode(key, null)).isInstanceOf(DirectoryFormatException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not json",
            "[1,2]",
            "\"text\"",
            "{\"version\":1,\"type\":\"account\",\"address\":\"alice@example.test\"} trailing",
            "{\"version\":1,\"type\":\"account\",\"address\":\"alice@example.test\",\"address\":\"bob@example.test\"}",
            "{\"type\":\"account\",\"address\":\"alice@example.test\"}",
            "{\"version\":\"1\",\"type\":\"account\",\"address\":\"alice@example.test\"}",
            "{\"version\":0,\"type\":\"account\",\"address\":\"alice@example.test\"}",
            "{\"version\":1,\"address\":\"alice@example.test\"}",
            "{\"version\":1,\"type\":\"mailing-list\",\"address\":\"alice@example.test\"}",
            "{\"version\":1,\"type\":\"account\"}",
            "{\"version\":1,\"type\":\"account\",\"address\":7}",
            "{\"version\":1,\"type\":\"account\",\"address\":\"Alice@example.test\"}",
            "{\"version\":1,\"type\":\"account\",\"address\":\"alice@Example.Test\"}",
            "{\"version\":1,\"type\":\"account\",\"address\":\"not an address\"}",
            "{\"version\":1,\"type\":\"alias\",\"address\":\"alice@example.test\"}",
            "{\"version\":1,\"type\":\"alias\",\"address\":\"alice@example.test\",\"targets\":[]}",
            "{\"version\":1,\"type\":\"alias\",\"address\":\"alice@example.test\",\"targets\":[1]}",
            "{\"version\":1,\"type\":\"alias\",\"address\":\"alice@example.test\",\"targets\":\"bob@example.test\"}",
            "{\"version\":1,\"type\":\"alias\",\"address\":\"alice@example.test\",\"targets\":[\"Bob@example.test\"]}",
    })
    void rejectsMalformedAddressRecords(String value) {
        assertThatThrownBy(() -> DirectoryCodec.decode("alice@example.test", value.getBytes(UTF_8)))
                .isInstanceOf(DirectoryFormatException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"version\":1,\"type\":\"domain\",\"domain\":\"Example.test\"}",
            "{\"version\":1,\"type\":\"domain\",\"domain\":\"bücher.example\"}",
            "{\"version\":1,\"type\":\"domain\",\"domain\":\"example.test.\"}",
            "{\"version\":1,\"type\":\"domain\"}",
    })
    void rejectsDomainsNotInCanonicalForm(String value) {
        assertThatThrownBy(() -> DirectoryCodec.decode("example.test", value.getBytes(UTF_8)))
                .isInstanceOf(DirectoryFormatException.class);
    }

    private static String json(DirectoryEntry entry) {
        return new String(DirectoryCodec.encode(entry), UTF_8);
    }
}
