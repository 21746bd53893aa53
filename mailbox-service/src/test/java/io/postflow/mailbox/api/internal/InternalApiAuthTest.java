package io.postflow.mailbox.api.internal;

import static io.postflow.mailbox.support.AdminClient.admin;
import static io.postflow.mailbox.support.InternalClient.internal;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;

import io.postflow.mailbox.support.AdminClient;
import io.postflow.mailbox.support.InternalClient;
import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The service token guards every /internal call, and only those; /q stays open. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class InternalApiAuthTest {

    @ParameterizedTest
    @ValueSource(strings = {"/internal/v1/accounts/alice%40example.test/mailboxes", "/internal/v1/accounts/alice%40example.test",
            "/internal/v1/no-such-route", "/internal"})
    void refusesACallWithoutToken(String path) {
        given().get(path).then()
                .statusCode(401)
                .contentType(ContentType.JSON)
                .header("WWW-Authenticate", containsString("postflow-internal"))
                .body("error", is("unauthorized"));
    }

    @Test
    void refusesAWrongTokenBeforeCheckingAnyPassword() {
        given().header("Authorization", "Bearer not-the-token").contentType(ContentType.JSON)
                .body(Map.of("address", "a@example.test", "password", "x", "clientAddress", "192.0.2.1"))
                .post("/internal/v1/auth/verify").then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("error", is("unauthorized"))
                .body("detail", is("invalid bearer token"));
    }

    @Test
    void theAdminTokenIsNotTheServiceToken() {
        given().header("Authorization", "Bearer " + AdminClient.TOKEN).get("/internal/v1/accounts/a%40example.test").then()
                .statusCode(401)
                .body("error", is("unauthorized"));
    }

    @Test
    void theServiceTokenIsNotTheAdminToken() {
        given().header("Authorization", "Bearer " + InternalClient.TOKEN).get("/api/v1/domains")
                .then()
                .statusCode(401);
        admin().get("/api/v1/domains").then().statusCode(200);
    }

    @Test
    void withTheTokenAnUnknownAccountIsAJson404() {
        internal().get("/internal/v1/accounts/nobody%40nowhere.test/mailboxes").then()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .body("error", is("nonexistent"))
                .body("detail", is("no such account"));
    }

    @Test
    void healthAndOpenApiNeedNoTokenAndDescribeTheInternalApi() {
        given().get("/q/health/live").then().statusCode(200);
        given().accept("application/json").get("/q/openapi").then()
                .statusCode(200)
                .body("paths", hasKey("/internal/v1/auth/verify"))
                .body("paths", hasKey("/internal/v1/accounts/{address}/mailboxes/{id}/select"))
                .body("paths", hasKey("/internal/v1/accounts/{address}/mailboxes/{id}/changes"))
                .body("paths", hasKey("/internal/v1/accounts/{address}/mailboxes/{id}/fetch"))
                .body("paths", hasKey("/internal/v1/accounts/{address}/subscriptions"))
                .body("components.securitySchemes.'internal-token'.scheme", is("bearer"))
                .body("paths.'/internal/v1/auth/verify'.post.security[0]", hasKey("internal-token"))
                .body("paths.'/internal/v1/auth/verify'.post.responses", hasKey("429"));
    }
}
