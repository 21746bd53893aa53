package io.postflow.ingress.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionLimiterTest {

    @Test
    void perClientAndTotalLimits() {
        ConnectionLimiter limiter = new ConnectionLimiter(3, 2);
        assertThat(limiter.tryAcquire("192.0.2.1")).isTrue();
        assertThat(limiter.tryAcquire("192.0.2.1")).isTrue();
        assertThat(limiter.tryAcquire("192.0.2.1")).isFalse(); // per client
        assertThat(limiter.tryAcquire("192.0.2.2")).isTrue();
        assertThat(limiter.tryAcquire("192.0.2.3")).isFalse(); // total
        assertThat(limiter.open()).isEqualTo(3);
        limiter.release("192.0.2.1");
        assertThat(limiter.tryAcquire("192.0.2.3")).isTrue();
        assertThat(limiter.tryAcquire("192.0.2.1")).isFalse();
    }

    @Test
    void loopbackIsRecognisedInBothFamilies() {
        assertThat(NetSocketConnection.isLoopback("127.0.0.1")).isTrue();
        assertThat(NetSocketConnection.isLoopback("127.8.9.10")).isTrue();
        assertThat(NetSocketConnection.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(NetSocketConnection.isLoopback("192.0.2.7")).isFalse();
        assertThat(NetSocketConnection.isLoopback("2001:db8::1")).isFalse();
    }
}
