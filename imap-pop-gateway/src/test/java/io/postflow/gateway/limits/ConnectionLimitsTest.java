package io.postflow.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionLimitsTest {

    @Test
    void totalAndPerAddressLimitsRefuseTheConnectionBeyondAndForgetClosedOnes() {
        ConnectionLimits limits = new ConnectionLimits(3, 2, 1);
        assertThat(limits.open("192.0.2.1")).isNull();
        assertThat(limits.open("192.0.2.1")).isNull();
        assertThat(limits.open("192.0.2.1")).isEqualTo("too many connections from your address, try again later");
        assertThat(limits.open("192.0.2.2")).isNull();
        assertThat(limits.open("192.0.2.3")).isEqualTo("too many connections, try again later");
        assertThat(limits.open()).isEqualTo(3);
        limits.close("192.0.2.1");
        assertThat(limits.open("192.0.2.1")).as("a closed connection gives its place back").isNull();
    }

    @Test
    void userSlotsAreCountedCaseInsensitivelyAndGivenBack() {
        ConnectionLimits limits = new ConnectionLimits(10, 10, 2);
        assertThat(limits.claimUser("bob@example.test")).isTrue();
        assertThat(limits.claimUser("BOB@example.test")).isTrue();
        assertThat(limits.claimUser("bob@EXAMPLE.test")).isFalse();
        assertThat(limits.claimUser("alice@example.test")).isTrue();
        limits.releaseUser("bob@example.test");
        assertThat(limits.claimUser("bob@example.test")).isTrue();
    }
}
