package io.postflow.common.record;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates trace ids: 128 bits, written as 22 URL-safe base64 characters.
 *
 * <p>A trace id is also the idempotency key of a delivery (trace id + account), so a collision
 * would make mailbox-service drop a message as a duplicate. Uniqueness matters, secrecy does not:
 * <ul>
 *   <li>the low 64 bits are a per-process counter (random start) passed through a bijective
 *       64-bit mixer, so ids never repeat within a process yet do not look sequential;</li>
 *   <li>the high 64 bits are a per-process value drawn once from {@link SecureRandom}, xor-ed
 *       with another mix of the counter so ids of one process share no visible prefix. Two
 *       processes can only collide if both their 64-bit seeds and their counters coincide.</li>
 * </ul>
 * After the one-time seed, an id costs one atomic increment and a few multiplications, with no
 * entropy pool and no lock. Pure {@code ThreadLocalRandom} was not chosen: every thread of every
 * JVM walks the same 2^64 cycle from a clock-derived start, so collisions are merely unlikely.
 * The class must be initialised at run time (the default), never into a native-image heap.
 */
public final class TraceIds {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final long PROCESS_ID;
    private static final AtomicLong COUNTER;

    static {
        SecureRandom seed = new SecureRandom();
        PROCESS_ID = seed.nextLong();
        COUNTER = new AtomicLong(seed.nextLong());
    }

    private TraceIds() {
    }

    /** A new id, unique within the process and, with overwhelming probability, across processes. */
    public static String newTraceId() {
        ByteBuffer bytes = ByteBuffer.allocate(16);
        long count = COUNTER.getAndIncrement();
        bytes.putLong(PROCESS_ID ^ mix(count ^ 0x9e3779b97f4a7c15L));
        bytes.putLong(mix(count));
        return ENCODER.encodeToString(bytes.array());
    }

    // Stafford's variant 13 of the MurmurHash3 finaliser: a bijection on 64-bit values.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
