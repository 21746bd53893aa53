package io.postflow.relay.dns;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Answers by name and type until their TTL runs out, bounded: past {@code capacity} entries the
 * least recently used goes. Thread-safe (one lock; lookups are rare next to SMTP work).
 */
final class DnsCache {

    private record Entry(DnsAnswer answer, long expiresAtNanos) {
    }

    private final int capacity;
    private final LongSupplier clock;
    private final Map<String, Entry> entries;

    DnsCache(int capacity, LongSupplier nanoClock) {
        this.capacity = capacity;
        this.clock = nanoClock;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > DnsCache.this.capacity;
            }
        };
    }

    synchronized DnsAnswer get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (clock.getAsLong() - entry.expiresAtNanos >= 0) {
            entries.remove(key);
            return null;
        }
        return entry.answer;
    }

    synchronized void put(String key, DnsAnswer answer, long ttlSeconds) {
        if (ttlSeconds <= 0 || capacity <= 0) {
            return;
        }
        entries.put(key, new Entry(answer, clock.getAsLong() + ttlSeconds * 1_000_000_000L));
    }

    synchronized int size() {
        return entries.size();
    }
}
