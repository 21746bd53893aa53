package io.postflow.mailbox.api.internal;

import static io.postflow.mailbox.support.AdminClient.PASSWORD;
import static io.postflow.mailbox.support.AdminClient.admin;
import static io.postflow.mailbox.support.AdminClient.createAccount;
import static io.postflow.mailbox.support.AdminClient.createDomain;
import static io.postflow.mailbox.support.AdminClient.segment;
import static io.postflow.mailbox.support.AdminClient.uniqueDomain;
import static io.postflow.mailbox.support.InternalClient.internal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /internal/v1/auth/verify: password checks, the same for unknown accounts, throttled per pair. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class InternalLoginTest {

    private static final String VERIFY = "/internal/v1/auth/verify";
    private static final String WRONG = "not the password";

    String domain;
    String address;

    @BeforeEach
    void account() {
        domain = uniqueDomain("login");
        createDomain(domain);
        address = "carol@" + domain;
        createAccount(address);
    }

    @Test
    void theRightPasswordGivesTheCanonicalAccount() {
        verify("Carol@" + domain.toUpperCase(Locale.ROOT), PASSWORD, "192.0.2.10")
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("account", is(address))
                .body("accountId", greaterThan(0));
    }

    @Test
    void aWrongPasswordAndAnUnknownAccountGetTheSameAnswer() {
        String wrong = verify(address, WRONG, "192.0.2.11").statusCode(401).extract().body().asString();
        String unknown = verify("nobody@" + domain, WRONG, "192.0.2.11").statusCode(401).extract().body().asString();
        assertThat(unknown).isEqualTo(wrong).contains("\"error\":\"authentication_failed\"");
    }

    @Test
    void anUnknownAccountTakesTheTimeOfAPasswordCheck() {
        // Warm both paths, then compare: without the dummy hash an unknown account would answer
        // in about a millisecond, a wrong password after tens of milliseconds of Argon2id.
        verify(address, WRONG, "192.0.2.12").statusCode(401);
        verify("ghost@" + domain, WRONG, "192.0.2.12").statusCode(401);
        long known = timed(() -> verify(address, WRONG, "192.0.2.13").statusCode(401));
        long unknown = timed(() -> verify("ghost@" + domain, WRONG, "192.0.2.13").statusCode(401));
        assertThat(unknown).as("unknown %d ms vs known %d ms", unknown / 1_000_000, known / 1_000_000)
                .isGreaterThan(known / 3);
    }

    @Test
    void afterFiveFailuresThePairIsThrottledButOtherClientsAreNot() {
        for (int i = 0; i < 5; i++) {
            verify(address, WRONG, "198.51.100.7").statusCode(401);
        }
        verify(address, PASSWORD, "198.51.100.7")
                .statusCode(429)
                .contentType(ContentType.JSON)
                .body("error", is("throttled"))
                .header("Retry-After", Integer::parseInt, greaterThan(0))
                .header("Retry-After", Integer::parseInt, lessThanOrEqualTo(60));
        // Another client of the same account is not held back, and the account is not locked.
        verify(address, WRONG, "198.51.100.8").statusCode(401);
        verify(address, PASSWORD, "198.51.100.8").statusCode(200);
        // The same client for another account is not held back either.
        verify("other@" + domain, WRONG, "198.51.100.7").statusCode(401);
    }

    @Test
    void unknownAccountsAreThrottledLikeKnownOnes() {
        for (int i = 0; i < 5; i++) {
            verify("ghost@" + domain, WRONG, "198.51.100.9").statusCode(401);
        }
        verify("ghost@" + domain, WRONG, "198.51.100.9").statusCode(429);
    }

    @Test
    void aSuccessResetsThePair() {
        for (int i = 0; i < 4; i++) {
            verify(address, WRONG, "198.51.100.20").statusCode(401);
        }
        verify(address, PASSWORD, "198.51.100.20").statusCode(200);
        // Without the reset the first of these would be the fifth failure and the next one refused.
        for (int i = 0; i < 5; i++) {
            verify(address, WRONG, "198.51.100.20").statusCode(401);
        }
        verify(address, PASSWORD, "198.51.100.20").statusCode(429);
    }

    @Test
    void ipv6ClientsAreCountedPerSlash64() {
        for (int i = 0; i < 5; i++) {
            verify(address, WRONG, "2001:db8:1:2::" + (i + 1)).statusCode(401);
        }
        verify(address, WRONG, "2001:db8:1:2:ffff::1").statusCode(429);
        verify(address, PASSWORD, "[2001:db8:1:3::1]").statusCode(200);
    }

    @Test
    void aChangedPasswordTakesEffectAtOnce() {
        admin().body(Map.of("password", "a brand new passphrase")).patch("/api/v1/accounts/" + segment(address)).then()
                .statusCode(204);
        verify(address, PASSWORD, "192.0.2.14").statusCode(401);
        verify(address, "a brand new passphrase", "192.0.2.14").statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"address", "password", "clientAddress"})
    void aMissingFieldIsA400(String field) {
        Map<String, String> body = new HashMap<>(Map.of("address", address, "password", PASSWORD, "clientAddress", "192.0.2.1"));
        body.remove(field);
        internal().body(body).post(VERIFY).then().statusCode(400).body("error", is("invalid_request"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mail.example.test", "192.0.2.1:143", "not an address", "300.1.1.1"})
    void aClientAddressMustBeAnIpLiteral(String client) {
        verify(address, PASSWORD, client).statusCode(400).body("error", is("invalid_request"));
    }

    @Test
    void anAddressThatIsNoAddressIsA400() {
        verify("carol", PASSWORD, "192.0.2.1").statusCode(400).body("error", is("invalid_request"));
    }

    private static ValidatableResponse verify(String address, String password, String client) {
        return internal().body(Map.of("address", address, "password", password, "clientAddress", client))
                .post(VERIFY).then();
    }

    private static long timed(Runnable call) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            call.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }
}
