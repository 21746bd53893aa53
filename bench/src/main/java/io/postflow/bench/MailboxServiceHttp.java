package io.postflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * mailbox-service over HTTP with one of the tokens {@code ./mailctl up} generated: its base URL
 * and a bearer token from an option, an environment variable or {@code $POSTFLOW_HOME}.
 */
final class MailboxServiceHttp {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    private MailboxServiceHttp(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /**
     * @param tokenOption the command-line option naming the token, which is also the file name
     *                    under {@code $POSTFLOW_HOME} (e.g. {@code admin-token})
     * @param tokenEnv    the environment variable that may hold it
     */
    static MailboxServiceHttp fromEnvironment(BenchOptions options, String tokenOption, String tokenEnv) throws IOException {
        String home = options.text("home", "POSTFLOW_HOME", ".postflow");
        String token = options.text(tokenOption, tokenEnv, null);
        if (token == null) {
            Path file = Path.of(home, tokenOption);
            if (!Files.exists(file)) {
                throw new IllegalStateException("no " + tokenOption + ": run ./mailctl up first, or pass --" + tokenOption);
            }
            token = Files.readString(file).strip();
        }
        return new MailboxServiceHttp(options.text("admin", null, "http://127.0.0.1:"
                + options.text("admin-port", "POSTFLOW_HTTP_PORT_MAILBOX_SERVICE", "8083")), token);
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).header("Authorization", "Bearer " + token);
    }

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
        return http.send(request, body);
    }
}
