package io.postflow.mailbox.api.internal;

import static io.postflow.mailbox.support.AdminClient.PASSWORD;
import static io.postflow.mailbox.support.AdminClient.admin;
import static io.postflow.mailbox.support.AdminClient.createAccount;
import static io.postflow.mailbox.support.AdminClient.createDomain;
import static io.postflow.mailbox.support.AdminClient.segment;
import static io.postflow.mailbox.support.AdminClient.uniqueDomain;
import static io.postflow.mailbox.support.InternalClient.internal;
import static io.postflow.mailbox.support.InternalClient.mailboxId;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.postflow.mailbox.support.TestMessages;
import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /internal/v1/accounts/{address}: the account, its id and its storage for QUOTA. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class InternalAccountTest {

    @Inject
    Pool pool;

    String domain;
    String address;

    @BeforeEach
    void account() {
        domain = uniqueDomain("account");
        createDomain(domain);
        address = "oscar@" + domain;
        createAccount(address);
    }

    @Test
    void showsTheAccountWithItsIdQuotaAndUsage() {
        int accountId = internal().body(Map.of("address", address, "password", PASSWORD, "clientAddress", "192.0.2.30"))
                .post("/internal/v1/auth/verify").then().statusCode(200).extract().path("accountId");
        internal().get("/internal/v1/accounts/" + segment(address)).then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("account", is(address))
                .body("accountId", is(accountId))
                .body("quotaBytes", nullValue())
                .body("usedBytes", is(0));

        String message = TestMessages.unique("counted");
        new TestMessages(pool).append(mailboxId(address, "INBOX"), message, 0);
        admin().body(Map.of("quotaBytes", 1048576)).patch("/api/v1/accounts/" + segment(address)).then().statusCode(204);

        internal().get("/internal/v1/accounts/" + segment(address.toUpperCase(Locale.ROOT))).then()
                .statusCode(200)
                .body("account", is(address))
                .body("quotaBytes", is(1048576))
                .body("usedBytes", is(message.getBytes(StandardCharsets.UTF_8).length));
    }

    @Test
    void anUnknownAccountIsA404AndANonAddressA400() {
        internal().get("/internal/v1/accounts/" + segment("nobody@" + domain)).then()
                .statusCode(404)
                .body("error", is("nonexistent"));
        internal().get("/internal/v1/accounts/not-an-address").then()
                .statusCode(400)
                .body("error", is("invalid_request"));
    }
}
