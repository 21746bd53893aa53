package io.postflow.mailbox.support;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Calls the internal message API as the gateway does: with the test profile's service token. */
public final class InternalApi {

    /** {@code %test.postflow.internal.token} in application.properties. */
    public static final String TOKEN = "test-internal-token-0123456789abcdef";
    public static final String MAILBOX = "/internal/v1/accounts/{address}/mailboxes/{id}";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private InternalApi() {
    }

    /** A request on one mailbox: paths below it are relative, e.g. {@code .get(MAILBOX + "/messages")}. */
    public static RequestSpecification on(String address, long mailbox) {
        return given().header("Authorization", "Bearer " + TOKEN).pathParam("address", address).pathParam("id", mailbox);
    }

    public static RequestSpecification json(String address, long mailbox, Object body) {
        return on(address, mailbox).contentType(ContentType.JSON).body(body);
    }

    /** APPENDs a message with flags (system flags and keywords told apart by the backslash); returns its UID. */
    public static long append(String address, long mailbox, byte[] message, String... flags) {
        RequestSpecification request = on(address, mailbox).contentType("message/rfc822").body(message);
        for (String flag : flags) {
            request = request.queryParam(flag.startsWith("\\") ? "flags" : "keywords", flag);
        }
        return request.post(MAILBOX + "/messages").then().statusCode(201).extract().jsonPath().getLong("uid");
    }

    /**
     * A request outside REST Assured, for multi-megabyte bodies: the logging filter Quarkus installs
     * renders every request body as text, which a 25 MiB message does not survive.
     */
    public static HttpResponse<byte[]> raw(String method, String address, long mailbox, String path, byte[] body,
                                           String contentType) {
        String uri = RestAssured.baseURI + ":" + RestAssured.port + MAILBOX.replace("{address}",
                URLEncoder.encode(address, StandardCharsets.UTF_8)).replace("{id}", Long.toString(mailbox)) + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POST /flags and the answer's JSON. */
    public static io.restassured.path.json.JsonPath flags(String address, long mailbox, String uids, String mode,
                                                          List<String> flags, List<String> keywords) {
        return json(address, mailbox, Map.of("uids", uids, "mode", mode, "flags", flags, "keywords", keywords))
                .post(MAILBOX + "/flags").then().statusCode(200).extract().jsonPath();
    }
}
