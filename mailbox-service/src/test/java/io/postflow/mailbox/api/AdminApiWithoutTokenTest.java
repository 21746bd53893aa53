package io.postflow.mailbox.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.postflow.mailbox.support.AdminClient;
import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Without postflow.admin.token the admin API refuses everything (fail closed); /q still answers. */
@QuarkusTest
@TestProfile(AdminApiWithoutTokenTest.NoTokenProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class AdminApiWithoutTokenTest {

    /** A config profile of its own, so the test profile's %test.postflow.admin.token does not apply. */
    public static class NoTokenProfile implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "no-admin-token";
        }
    }

    @Test
    void refusesEveryCallEvenWithTheTestToken() {
        AdminClient.admin().get("/api/v1/domains").then()
                .statusCode(401)
                .contentType(ContentType.JSON)
                .body("error", is("unauthorized"))
                .body("detail", containsString("postflow.admin.token is not set"));
        given().get("/api/v1/domains").then().statusCode(401);
    }

    @Test
    void healthStillAnswers() {
        given().get("/q/health/live").then().statusCode(200);
    }
}
