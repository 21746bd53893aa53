package io.postflow.mailbox.domain.password;

import java.nio.CharBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (RFC 9106) in the PHC string format, e.g.
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} with unpadded standard Base64.
 *
 * <p>Hashing costs tens of milliseconds of CPU and {@link Argon2Cost#memoryKib()} of memory:
 * call it only from a worker thread (see {@link PasswordHashing}), never from an event loop.
 * Thread-safe.
 */
public final class PasswordHasher {

    static final int SALT_BYTES = 16; // RFC 9106 §3.1 recommends 128 bits
    static final int HASH_BYTES = 32;
    private static final String ALGORITHM = "argon2id";
    private static final int VERSION = Argon2Parameters.ARGON2_VERSION_13; // 0x13 = 19
    private static final int MIN_SALT_BYTES = 8;
    private static final int MIN_HASH_BYTES = 16;
    private static final int MAX_HASH_BYTES = 64;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder(); // padding optional on input

    private final SecureRandom random;
    private final Argon2Cost cost;

    /** A hasher for new passwords with the {@link Argon2Cost#DEFAULT} cost. */
    public PasswordHasher() {
        this(new SecureRandom(), Argon2Cost.DEFAULT);
    }

    public PasswordHasher(SecureRandom random, Argon2Cost cost) {
        this.random = random;
        this.cost = cost;
    }

    /** A new PHC string for the password, with a fresh random salt and this hasher's cost. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, cost, HASH_BYTES);
        return "$" + ALGORITHM + "$v=" + VERSION
                + "$m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * True if the password matches the stored hash. The cost comes from the PHC string, not from
     * this hasher, so hashes made with older parameters keep verifying.
     *
     * @throws IllegalArgumentException if {@code phc} is not an Argon2id PHC string this code can read
     */
    public boolean verify(char[] password, String phc) {
        PhcString stored = PhcString.parse(phc);
        byte[] computed = derive(password, stored.salt(), stored.cost(), stored.hash().length);
        return MessageDigest.isEqual(computed, stored.hash()); // constant time for equal lengths
    }

    /** True if the stored hash was made with another cost than this hasher's: rehash it at the next login. */
    public boolean needsRehash(String phc) {
        return !PhcString.parse(phc).cost().equals(cost);
    }

    private static byte[] derive(char[] password, byte[] salt, Argon2Cost cost, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(VERSION)
                .withMemoryAsKB(cost.memoryKib())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        char[] normalized = normalized(password);
        try {
            generator.generateBytes(normalized, out); // UTF-8 of the characters
        } finally {
            if (normalized != password) {
                Arrays.fill(normalized, '\0');
            }
        }
        return out;
    }

    /*
     * RFC 8265 §4.2 (OpaqueString profile, used for passwords by SASL and IMAP): NFC, so a password
     * typed as composed or decomposed characters is the same password. Most passwords are already
     * NFC and are not copied.
     */
    private static char[] normalized(char[] password) {
        CharBuffer text = CharBuffer.wrap(password);
        if (Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            return password;
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC).toCharArray();
    }

    /** The parts of a stored {@code $argon2id$v=19$m=..,t=..,p=..$salt$hash} string. */
    private record PhcString(Argon2Cost cost, byte[] salt, byte[] hash) {

        static PhcString parse(String phc) {
            if (phc == null) {
                throw new IllegalArgumentException("no password hash");
            }
            String[] fields = phc.split("\\$", -1);
            if (fields.length != 6 || !fields[0].isEmpty() || !ALGORITHM.equals(fields[1])) {
                throw new IllegalArgumentException("not an Argon2id PHC string");
            }
            if (!("v=" + VERSION).equals(fields[2])) {
                throw new IllegalArgumentException("unsupported Argon2 version");
            }
            Argon2Cost cost = parseCost(fields[3]);
            byte[] salt = decode(fields[4]);
            byte[] hash = decode(fields[5]);
            if (salt.length < MIN_SALT_BYTES || hash.length < MIN_HASH_BYTES || hash.length > MAX_HASH_BYTES) {
                throw new IllegalArgumentException("Argon2 salt or hash of unsupported length");
            }
            return new PhcString(cost, salt, hash);
        }

        // The PHC format fixes the order: m, t, p.
        private static Argon2Cost parseCost(String field) {
            String[] parts = field.split(",", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("Argon2 parameters must be m,t,p");
            }
            return new Argon2Cost(parameter(parts[0], "m="), parameter(parts[1], "t="), parameter(parts[2], "p="));
        }

        private static int parameter(String part, String prefix) {
            if (!part.startsWith(prefix) || part.length() == prefix.length() || part.length() > prefix.length() + 10) {
                throw new IllegalArgumentException("invalid Argon2 parameter " + prefix);
            }
            String digits = part.substring(prefix.length());
            if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("invalid Argon2 parameter " + prefix);
            }
            long value = Long.parseLong(digits);
            if (value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("Argon2 parameter out of range " + prefix);
            }
            return (int) value;
        }

        private static byte[] decode(String b64) {
            try {
                return B64_DECODER.decode(b64);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid Base64 in Argon2 PHC string", e);
            }
        }
    }
}
