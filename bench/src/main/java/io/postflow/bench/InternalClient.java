package io.postflow.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** GETs on mailbox-service's internal API with the service token, as the IMAP gateway makes them. */
final class InternalClient {

    private final MailboxServiceHttp http;

    private InternalClient(MailboxServiceHttp http) {
        this.http = http;
    }

    /** The internal API of ./mailctl up: the mailbox-service port and $POSTFLOW_HOME/internal-token, unless overridden. */
    static InternalClient fromEnvironment(BenchOptions options) throws IOException {
        return new InternalClient(MailboxServiceHttp.fromEnvironment(options, "internal-token", "POSTFLOW_INTERNAL_TOKEN"));
    }

    /** GET a path under the mailbox; the answer body, or an exception for anything but 200. */
    byte[] get(String address, long mailbox, String pathAndQuery) throws IOException, InterruptedException {
        String path = "/internal/v1/accounts/" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/mailboxes/" + mailbox + pathAndQuery;
        HttpResponse<byte[]> response = http.send(http.request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }
}
