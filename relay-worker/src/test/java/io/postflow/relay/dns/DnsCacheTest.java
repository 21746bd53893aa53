package io.postflow.relay.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DnsCacheTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void keepsAnswersForTheirTtlOnly() {
        DnsCache cache = new DnsCache(10, now::get);
        cache.put("a/MX", new DnsAnswer.NxDomain(), 30);
        now.addAndGet(29_000_000_000L);
        assertThat(cache.get("a/MX")).isInstanceOf(DnsAnswer.NxDomain.class);
        now.addAndGet(1_000_000_000L);
        assertThat(cache.get("a/MX")).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void zeroTtlIsNotCached() {
        DnsCache cache = new DnsCache(10, now::get);
        cache.put("a/A", new DnsAnswer.NoData(), 0);
        assertThat(cache.get("a/A")).isNull();
    }

    @Test
    void boundedByDroppingTheLeastRecentlyUsed() {
        DnsCache cache = new DnsCache(2, now::get);
        cache.put("a", new DnsAnswer.NoData(), 60);
        cache.put("b", new DnsAnswer.NoData(), 60);
        cache.get("a");
        cache.put("c", new DnsAnswer.NoData(), 60);
        assertThat(cache.get("b")).isNull();
        assertThat(cache.get("a")).isNotNull();
        assertThat(cache.get("c")).isNotNull();
    }
}
