package io.postflow.relay.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalAddressesTest {

    private final LocalAddresses local = new LocalAddresses(List.of("127.0.0.0/8", "::1/128", "192.0.2.7", "10.1.0.0/20"),
            "MX.Postflow.Test.");

    @Test
    void matchesPrefixesOfBothFamilies() throws Exception {
        assertThat(local.isLocal(InetAddress.getByName("127.3.4.5"))).isTrue();
        assertThat(local.isLocal(InetAddress.getByName("::1"))).isTrue();
        assertThat(local.isLocal(InetAddress.getByName("192.0.2.7"))).isTrue();
        assertThat(local.isLocal(InetAddress.getByName("192.0.2.8"))).isFalse();
        assertThat(local.isLocal(InetAddress.getByName("10.1.15.255"))).isTrue();
        assertThat(local.isLocal(InetAddress.getByName("10.1.16.0"))).isFalse();
        assertThat(local.isLocal(InetAddress.getByName("::2"))).isFalse();
    }

    @Test
    void matchesTheOwnNameCaseInsensitively() {
        assertThat(local.isLocalName("mx.postflow.test")).isTrue();
        assertThat(local.isLocalName("mx.postflow.test.")).isTrue();
        assertThat(local.isLocalName("mx2.postflow.test")).isFalse();
    }

    @Test
    void refusesNamesAndBadPrefixes() {
        assertThatThrownBy(() -> new LocalAddresses(List.of("localhost"), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LocalAddresses(List.of("10.0.0.0/33"), null)).isInstanceOf(IllegalArgumentException.class);
    }
}
