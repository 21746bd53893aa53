package io.postflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** GETs on mailbox-service's internal API with the service token, as the IMAP gateway makes them. */
final class InternalClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    private InternalClient(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The internal API of ./mailctl up: the mailbox-service port and $POSTFLOW_HOME/internal-token, unless overridden. */
    static InternalClient fromEnvironment(BenchOptions options) throws IOException {
        String home = options.text("home", "POSTFLOW_HOME", ".postflow");
        String token = options.text("internal-token", "POSTFLOW_INTERNAL_TOKEN", null);
        if (token == null) {
            Path file = Path.of(home, "internal-token");
            if (!Files.exists(file)) {
                throw new IllegalStateException("no internal token: run ./mailctl up first, or pass --internal-token");
            }
            token = Files.readString(file).strip();
        }
        return new InternalClient(options.text("admin", null, "http://127.0.0.1:"
                + options.text("admin-port", "POSTFLOW_HTTP_PORT_MAILBOX_SERVICE", "8083")), token);
    }

    /** GET a path under the mailbox; the answer body, or an exception for anything but 200. */
    byte[] get(String address, long mailbox, String pathAndQuery) throws IOException, InterruptedException {
        URI uri = URI.create(base + "/internal/v1/accounts/" + URLEncoder.encode(address, StandardCharsets.UTF_8)
                + "/mailboxes/" + mailbox + pathAndQuery);
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }
}
