package io.postflow.mailbox.domain.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsPasswordsFrom8To1024Characters() {
        assertThat(PasswordPolicy.violation("12345678")).isEmpty();
        assertThat(PasswordPolicy.violation("x".repeat(1024))).isEmpty();
        assertThat(PasswordPolicy.violation("correct horse battery staple")).isEmpty();
    }

    @Test
    void refusesEmptyShortAndOverlongPasswords() {
        assertThat(PasswordPolicy.violation(null)).contains("password is empty");
        assertThat(PasswordPolicy.violation("")).contains("password is empty");
        assertThat(PasswordPolicy.violation("1234567")).contains("password is shorter than 8 characters");
        assertThat(PasswordPolicy.violation("x".repeat(1025))).contains("password is longer than 1024 characters");
        assertThat(PasswordPolicy.violation("x".repeat(100_000))).contains("password is longer than 1024 characters");
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String eightEmoji = "\uD83D\uDE00".repeat(8); // 8 code points, 16 chars
        assertThat(PasswordPolicy.violation(eightEmoji)).isEmpty();
        assertThat(PasswordPolicy.violation("\uD83D\uDE00".repeat(7))).contains("password is shorter than 8 characters");
        assertThat(PasswordPolicy.violation("\uD83D\uDE00".repeat(1024))).isEmpty();
    }

    @Test
    void refusesNulWhichSaslPlainCannotCarry() {
        assertThat(PasswordPolicy.violation("abcd\0efgh")).contains("password contains a NUL character");
    }
}
