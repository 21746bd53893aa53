package io.postflow.mailbox.domain.password;

/**
 * The cost parameters of an Argon2id hash (RFC 9106 §3.1). Each stored hash carries its own, so
 * they can be raised later without invalidating existing passwords.
 *
 * @param memoryKib   memory size m in KiB
 * @param iterations  number of passes t
 * @param parallelism degree of parallelism p (lanes)
 */
public record Argon2Cost(int memoryKib, int iterations, int parallelism) {

    /**
     * OWASP Password Storage Cheat Sheet's Argon2id baseline: 19 MiB, two passes, one lane; about
     * 50 ms of CPU per hash on a current core.
     */
    public static final Argon2Cost DEFAULT = new Argon2Cost(19456, 2, 1);

    /*
     * Upper bounds when reading a stored hash: a corrupted or hostile PHC string must not make a
     * login allocate gigabytes or spin for minutes.
     */
    static final int MAX_MEMORY_KIB = 1 << 20; // 1 GiB
    static final int MAX_ITERATIONS = 64;
    static final int MAX_PARALLELISM = 16;

    public Argon2Cost {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("Argon2 parallelism out of range: " + parallelism);
        }
        // RFC 9106 §3.1: m is at least 8p KiB.
        if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("Argon2 memory out of range: " + memoryKib + " KiB");
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("Argon2 iterations out of range: " + iterations);
        }
    }
}
