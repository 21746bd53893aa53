package io.postflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The few admin API calls the benchmarks need to set up their accounts. */
final class AdminClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    private AdminClient(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The admin API of ./mailctl up: its port and the token it generated, unless overridden. */
    static AdminClient fromEnvironment(BenchOptions options) throws IOException {
        String home = options.text("home", "POSTFLOW_HOME", ".postflow");
        String token = options.text("token", "POSTFLOW_ADMIN_TOKEN", null);
        if (token == null) {
            Path file = Path.of(home, "admin-token");
            if (!Files.exists(file)) {
                throw new IllegalStateException("no admin token: run ./mailctl up first, or pass --token");
            }
            token = Files.readString(file).strip();
        }
        return new AdminClient(options.text("admin", null, "http://127.0.0.1:"
                + options.text("admin-port", "POSTFLOW_HTTP_PORT_MAILBOX_SERVICE", "8083")), token);
    }

    void createDomain(String name) throws IOException, InterruptedException {
        post("/api/v1/domains", "{\"name\":\"" + name + "\"}");
    }

    void createAccount(String address, String password) throws IOException, InterruptedException {
        post("/api/v1/accounts", "{\"address\":\"" + address + "\",\"password\":\"" + password + "\"}");
    }

    private void post(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
