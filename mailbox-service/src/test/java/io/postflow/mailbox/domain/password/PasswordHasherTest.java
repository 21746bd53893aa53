package io.postflow.mailbox.domain.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void writesAnArgon2idPhcStringWithTheDefaultCostAndA16ByteSalt() {
        String phc = hasher.hash("correct horse battery staple".toCharArray());
        // 16 bytes of salt and 32 of hash in unpadded Base64: 22 and 43 characters.
        assertThat(phc).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void verifiesTheRightPasswordAndRefusesAWrongOne() {
        String phc = hasher.hash("correct horse battery staple".toCharArray());
        assertThat(hasher.verify("correct horse battery staple".toCharArray(), phc)).isTrue();
        assertThat(hasher.verify("correct horse battery stapler".toCharArray(), phc)).isFalse();
        assertThat(hasher.verify("".toCharArray(), phc)).isFalse();
    }

    @Test
    void saltsEveryHashAfresh() {
        char[] password = "same password".toCharArray();
        assertThat(hasher.hash(password)).isNotEqualTo(hasher.hash(password));
    }

    /* Vectors written by the Argon2 reference implementation (Debian package argon2 0~20171227):
     * echo -n PASSWORD | argon2 SALT -id -t T -m|-k M -p P -l LEN -e */
    @ParameterizedTest
    @ValueSource(strings = {
            "correct horse battery staple|$argon2id$v=19$m=16384,t=2,p=1$cG9zdGZsb3ctc2FsdC0xNg$5z5EzSscP4wDO7VwiVvGZzx7IUmlcB4l3QpTlCPfyJI",
            "pässwörd-ü|$argon2id$v=19$m=64,t=1,p=2$c29tZXNhbHRzb21lc2FsdA$nBbLPcN+RZxIMpOzODibeA",
            "pässwort|$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$fIcGtm8CbiMkA2qc6+F246nzAF9/Ootxvkf3euYOaQI",
    })
    void verifiesHashesOfTheReferenceImplementationWithTheirOwnParameters(String vector) {
        String password = vector.substring(0, vector.indexOf('|'));
        String phc = vector.substring(vector.indexOf('|') + 1);
        assertThat(hasher.verify(password.toCharArray(), phc)).isTrue();
        assertThat(hasher.verify((password + "x").toCharArray(), phc)).isFalse();
    }

    @Test
    void readsTheCostFromTheStoredHashSoItCanBeRaisedLater() {
        PasswordHasher cheap = new PasswordHasher(new SecureRandom(), new Argon2Cost(64, 1, 1));
        String old = cheap.hash("a long passphrase".toCharArray());
        assertThat(old).contains("$m=64,t=1,p=1$");
        assertThat(hasher.verify("a long passphrase".toCharArray(), old)).isTrue();
        assertThat(hasher.needsRehash(old)).isTrue();
        assertThat(hasher.needsRehash(hasher.hash("a long passphrase".toCharArray()))).isFalse();
    }

    @Test
    void composedAndDecomposedSpellingsAreTheSamePassword() {
        // RFC 8265 §4.2: OpaqueString passwords are compared in NFC.
        String phc = hasher.hash("p\u00e4sswort".toCharArray());
        assertThat(hasher.verify("pa\u0308sswort".toCharArray(), phc)).isTrue();
    }

    @Test
    void leavesTheCallersPasswordArrayAlone() {
        char[] decomposed = "pa\u0308sswort".toCharArray();
        hasher.hash(decomposed);
        assertThat(new String(decomposed)).isEqualTo("pa\u0308sswort");
    }

    @Test
    void aTamperedHashDoesNotVerify() {
        String phc = hasher.hash("correct horse battery staple".toCharArray());
        char last = phc.charAt(phc.length() - 2);
        String tampered = phc.substring(0, phc.length() - 2) + (last == 'A' ? 'B' : 'A') + phc.charAt(phc.length() - 1);
        assertThat(hasher.verify("correct horse battery staple".toCharArray(), tampered)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "plain text",
            "$argon2i$v=19$m=64,t=1,p=2$c29tZXNhbHRzb21lc2FsdA$nBbLPcN+RZxIMpOzODibeA",
            "$argon2id$v=16$m=64,t=1,p=2$c29tZXNhbHRzb21lc2FsdA$nBbLPcN+RZxIMpOzODibeA",
            "$argon2id$m=64,t=1,p=2$c29tZXNhbHRzb21lc2FsdA$nBbLPcN+RZxIMpOzODibeA",
            "$argon2id$v=19$t=1,m=64,p=2$c29tZXNhbHRzb21lc2FsdA$nBbLPcN+RZxIMpOzODibeA",
            "$argon2id$v=19$m=64,t=1$c29tZXNhbHRzb21lc2FsdA$nBbLPcN+RZxIMpOzODibeA",
            "$argon2id$v=19$m=-64,t=1,p=2$c29tZXNhbHRzb21lc2FsdA$nBbLPcN+RZxIMpOzODibeA",
            "$argon2id$v=19$m=99999999999,t=1,p=2$c29tZXNhbHRzb21lc2FsdA$nBbLPcN+RZxIMpOzODibeA",
            "$argon2id$v=19$m=4194304,t=1,p=2$c29tZXNhbHRzb21lc2FsdA$nBbLPcN+RZxIMpOzODibeA",
            "$argon2id$v=19$m=64,t=1000,p=2$c29tZXNhbHRzb21lc2FsdA$nBbLPcN+RZxIMpOzODibeA",
            "$argon2id$v=19$m=64,t=1,p=2$c29tZQ$nBbLPcN+RZxIMpOzODibeA",
            "$argon2id$v=19$m=64,t=1,p=2$c29tZXNhbHRzb21lc2FsdA$nBbLPc",
            "$argon2id$v=19$m=64,t=1,p=2$c29tZXNhbHRzb21lc2FsdA$not*base64*at*all*",
            "$argon2id$v=19$m=64,t=1,p=2$c29tZXNhbHRzb21lc2FsdA$nBbLPcN+RZxIMpOzODibeA$extra",
    })
    void refusesAStoredHashItCannotReadRatherThanGuessing(String phc) {
        assertThatThrownBy(() -> hasher.verify("anything".toCharArray(), phc)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesCostsOutsideTheSafeRange() {
        assertThatThrownBy(() -> new Argon2Cost(7, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Cost(64, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Cost(64, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Argon2Cost(8, 1, 1).memoryKib()).isEqualTo(8);
    }
}
