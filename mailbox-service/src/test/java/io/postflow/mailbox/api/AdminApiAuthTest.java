package io.postflow.mailbox.api;

import static io.postflow.mailbox.support.AdminClient.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bearer token guards every /api call; errors are JSON everywhere; /q stays open. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class AdminApiAuthTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/domains", "/api/v1/accounts/alice%40example.test/mailboxes", "/api/v1/no-such-route", "/api"})
    void refusesACallWithoutToken(String path) {
        given().get(path).then()
                .statusCode(401)
                .contentType(ContentType.JSON)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("error", is("unauthorized"))
                .body("detail", containsString("missing"));
    }

    @Test
    void refusesAWrongToken() {
        given().header("Authorization", "Bearer not-the-token").get("/api/v1/domains").then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("error", is("unauthorized"))
                .body("detail", is("invalid bearer token"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic dGVzdDp0ZXN0", "Bearer", "Bearer ", "test-admin-token-0123456789abcdef",
            "Bearer test-admin-token-0123456789abcdefX", "Bearer test-admin-token-0123456789abcde"})
    void refusesOtherSchemesAndNearMisses(String authorization) {
        given().header("Authorization", authorization).get("/api/v1/domains").then()
                .statusCode(401)
                .body("error", is("unauthorized"));
    }

    @Test
    void refusesAWriteWithoutTokenBeforeLookingAtTheBody() {
        given().contentType(ContentType.JSON).body(Map.of("name", "never.test")).post("/api/v1/domains").then()
                .statusCode(401);
        admin().get("/api/v1/domains").then().statusCode(200).body("name", not(hasItem("never.test")));
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        given().header("Authorization", "bearer test-admin-token-0123456789abcdef").get("/api/v1/domains").then()
                .statusCode(200);
    }

    @Test
    void healthMetricsAndOpenApiNeedNoToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().accept("application/json").get("/q/openapi").then()
                .statusCode(200)
                .body("paths", hasKey("/api/v1/domains"))
                .body("paths", hasKey("/api/v1/accounts/{address}/mailboxes"))
                .body("components.securitySchemes.admin-token.scheme", is("bearer"))
                .body("components.schemas.AccountPatch.properties", hasKey("password"))
                .body("components.schemas.AccountPatch.properties", hasKey("quotaBytes"));
    }

    @Test
    void anUnknownRouteIsAJson404() {
        admin().get("/api/v1/no-such-route").then()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .body("error", is("not_found"))
                .body("detail", equalTo("no such resource"));
    }

    @Test
    void aWrongMethodIsAJson405() {
        admin().put("/api/v1/domains").then()
                .statusCode(405)
                .contentType(ContentType.JSON)
                .body("error", is("method_not_allowed"));
    }

    @Test
    void aBodyThatIsNotJsonIsAJson415() {
        admin().contentType(ContentType.TEXT).body("name=example.test").post("/api/v1/domains").then()
                .statusCode(415)
                .contentType(ContentType.JSON)
                .body("error", is("unsupported_media_type"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"name\":", "not json", "{\"name\":\"a.test\"} trailing", "{\"name\":\"a.test\",\"name\":\"b.test\"}",
            "[\"a.test\"]"})
    void malformedJsonIsAJson400(String body) {
        admin().body(body).post("/api/v1/domains").then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", is("invalid_request"));
    }

    @Test
    void anEmptyBodyIsA400() {
        admin().post("/api/v1/domains").then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", is("invalid_request"));
    }
}
