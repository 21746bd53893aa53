package io.postflow.mailbox.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Calls the admin API as an operator would: with the test profile's bearer token. */
public final class AdminClient {

    /** {@code %test.postflow.admin.token} in application.properties. */
    public static final String TOKEN = "test-admin-token-0123456789abcdef";
    public static final String PASSWORD = "correct horse battery staple";

    private AdminClient() {
    }

    /** Paths are sent as written: put names in them with {@link #segment}. */
    public static RequestSpecification admin() {
        return given().urlEncodingEnabled(false).header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON);
    }

    /** A name percent-encoded as one path segment (RFC 3986 §2.1), e.g. {@code alice%40example.test}. */
    public static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A domain name no other test (nor an earlier run on the shared broker) uses. */
    public static String uniqueDomain(String purpose) {
        return purpose + "-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT) + ".test";
    }

    public static void createDomain(String name) {
        admin().body(Map.of("name", name)).post("/api/v1/domains").then().statusCode(201);
    }

    public static void createAccount(String address) {
        admin().body(Map.of("address", address, "password", PASSWORD)).post("/api/v1/accounts").then().statusCode(201);
    }

    public static void createAlias(String address, String... targets) {
        admin().body(Map.of("address", address, "targets", List.of(targets))).post("/api/v1/aliases").then().statusCode(201);
    }
}
