package io.postflow.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The few admin API calls the benchmarks need to set up their accounts. */
final class AdminClient {

    private final MailboxServiceHttp http;

    private AdminClient(MailboxServiceHttp http) {
        this.http = http;
    }

    /** The admin API of ./mailctl up: its port and the token it generated, unless overridden. */
    static AdminClient fromEnvironment(BenchOptions options) throws IOException {
        return new AdminClient(MailboxServiceHttp.fromEnvironment(options, "admin-token", "POSTFLOW_ADMIN_TOKEN"));
    }

    void createDomain(String name) throws IOException, InterruptedException {
        post("/api/v1/domains", "{\"name\":\"" + name + "\"}");
    }

    /** Creates the domain unless it exists already (409). */
    void createDomainIfAbsent(String name) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(http.request("/api/v1/domains").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new IllegalStateException("POST /api/v1/domains answered " + response.statusCode() + ": " + response.body());
        }
    }

    void createAccount(String address, String password) throws IOException, InterruptedException {
        post("/api/v1/accounts", "{\"address\":\"" + address + "\",\"password\":\"" + password + "\"}");
    }

    private void post(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(http.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
