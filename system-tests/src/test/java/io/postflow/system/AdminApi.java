package io.postflow.system;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;

/** The admin API of the running platform (CONTRACT), through REST Assured. */
public final class AdminApi {

    private final Platform platform;

    public AdminApi(Platform platform) {
        this.platform = platform;
    }

    public RequestSpecification request() {
        return given().baseUri(platform.adminUrl()).header("Authorization", "Bearer " + platform.adminToken())
                .contentType(ContentType.JSON);
    }

    /** Creates the domain unless it exists (201 or 409). */
    public void domain(String name) {
        var response = request().body(Map.of("name", name)).post("/api/v1/domains");
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new AssertionError("POST /api/v1/domains answered " + response.statusCode() + ": " + response.asString()
                    + "\n" + platform.serviceLogTails());
        }
    }

    public void account(String address, String password) {
        request().body(Map.of("address", address, "password", password)).post("/api/v1/accounts").then().statusCode(201);
    }

    public void alias(String address, List<String> targets) {
        request().body(Map.of("address", address, "targets", targets)).post("/api/v1/aliases").then().statusCode(201);
    }

    /** Messages in one of the account's mailboxes, from {@code GET /api/v1/accounts/{a}/mailboxes}. */
    public int messages(String address, String mailbox) {
        List<Map<String, Object>> boxes = request().get("/api/v1/accounts/{a}/mailboxes", address).then().statusCode(200)
                .extract().jsonPath().getList("$");
        return boxes.stream().filter(b -> mailbox.equals(b.get("name"))).mapToInt(b -> ((Number) b.get("messages")).intValue())
                .findFirst().orElseThrow(() -> new AssertionError(address + " has no mailbox " + mailbox + ": " + boxes));
    }
}
