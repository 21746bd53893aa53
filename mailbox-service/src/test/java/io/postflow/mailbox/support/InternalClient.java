package io.postflow.mailbox.support;

import static io.postflow.mailbox.support.AdminClient.segment;
import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** Calls the internal API as a gateway would: with the test profile's service token. */
public final class InternalClient {

    /** {@code %test.postflow.internal.token} in application.properties. */
    public static final String TOKEN = "test-internal-token-0123456789abcdef";

    private InternalClient() {
    }

    /** Paths are sent as written: put names in them with {@link AdminClient#segment}. */
    public static RequestSpecification internal() {
        return given().urlEncodingEnabled(false).header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON);
    }

    /** {@code /internal/v1/accounts/{address}/mailboxes}, address encoded. */
    public static String mailboxes(String address) {
        return "/internal/v1/accounts/" + segment(address) + "/mailboxes";
    }

    public static String mailbox(String address, long id) {
        return mailboxes(address) + "/" + id;
    }

    /** The id of the account's mailbox with this name. */
    public static long mailboxId(String address, String name) {
        return internal().queryParam("name", segment(name)).get(mailboxes(address) + "/by-name").then()
                .statusCode(200).extract().jsonPath().getLong("id");
    }

    /** Creates a mailbox and answers its JSON. */
    public static JsonPath create(String address, String name) {
        return internal().body(Map.of("name", name)).post(mailboxes(address)).then()
                .statusCode(201).extract().jsonPath();
    }
}
