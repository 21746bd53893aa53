package io.postflow.mailbox.api.internal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /q/openapi describes the message half of the internal API, each operation behind the service token. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class InternalMessageOpenApiTest {

    private static final String MAILBOX = "/internal/v1/accounts/{address}/mailboxes/{id}";

    @Test
    void everyOperationIsDescribedAndNeedsTheInternalToken() {
        JsonPath api = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, String> operations = Map.of(
                MAILBOX + "/messages", "get",
                MAILBOX + "/messages/{uid}/content", "get",
                MAILBOX + "/flags", "post",
                MAILBOX + "/copy", "post",
                MAILBOX + "/expunge", "post",
                MAILBOX + "/search", "post");
        operations.forEach((path, method) -> {
            Map<String, Object> operation = api.getMap("paths.'" + path + "'." + method);
            assertThat(operation).as("%s %s", method, path).isNotNull().containsKeys("summary", "responses");
            assertThat(api.getList("paths.'" + path + "'." + method + ".security")).as("%s %s", method, path)
                    .isEqualTo(List.of(Map.of("internal-token", List.of())));
        });
        assertThat(api.getMap("paths.'" + MAILBOX + "/messages'.post")).containsKey("requestBody");
        assertThat(api.getString("components.securitySchemes.internal-token.scheme")).isEqualTo("bearer");
        assertThat(api.getList("paths.'" + MAILBOX + "/messages'.get.parameters.name"))
                .contains("address", "id", "uids", "fields", "changedSince", "limit", "afterUid");
    }
}
