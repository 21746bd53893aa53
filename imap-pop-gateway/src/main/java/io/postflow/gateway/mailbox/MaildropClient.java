package io.postflow.gateway.mailbox;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * The POP3 maildrop calls of mailbox-service's internal API ({@code …/accounts/{address}/maildrop}):
 * lock and list, renew, release, and QUIT's removal. Each is one HTTP round trip; failures are
 * {@link MailboxApiException} ({@code in_use} when another session holds the maildrop).
 */
@ApplicationScoped
public class MaildropClient {

    private final HttpClient client;
    private final String url;
    private final String token;
    private final long timeoutMillis;

    public MaildropClient(Vertx vertx, MailboxApiConfig api, InternalTokenConfig internal) {
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) api.timeout().toMillis()),
                new PoolOptions().setHttp1MaxSize(api.maxConnections()));
        this.url = api.url().replaceAll("/+$", "");
        this.token = internal.token().orElse("");
        this.timeoutMillis = api.timeout().toMillis();
    }

    public Future<Maildrop> open(String account, String holder, Duration ttl) {
        JsonObject body = new JsonObject().put("holder", holder).put("ttlMillis", ttl.toMillis());
        return call(HttpMethod.POST, path(account), body).map(b -> Maildrop.of(b.toJsonObject()));
    }

    public Future<Void> renew(String account, String lease, Duration ttl) {
        return call(HttpMethod.POST, path(account) + "/" + lease + "/renew", new JsonObject().put("ttlMillis", ttl.toMillis()))
                .mapEmpty();
    }

    public Future<Void> release(String account, String lease) {
        return call(HttpMethod.DELETE, path(account) + "/" + lease, null).mapEmpty();
    }

    /** Removes exactly {@code uids} and releases the lease in one transaction; answers the removed UIDs. */
    public Future<List<Long>> quit(String account, String lease, long mailboxId, List<Long> uids) {
        JsonObject body = new JsonObject().put("mailboxId", mailboxId).put("uids", new JsonArray(uids));
        return call(HttpMethod.POST, path(account) + "/" + lease + "/quit", body)
                .map(b -> Json.longs(b.toJsonObject().getJsonArray("expunged")));
    }

    private Future<Buffer> call(HttpMethod method, String path, JsonObject body) {
        RequestOptions options = new RequestOptions().setMethod(method).setAbsoluteURI(url + path).setTimeout(timeoutMillis)
                .putHeader("Authorization", "Bearer " + token).putHeader("Accept", "application/json");
        if (body != null) {
            options.putHeader("Content-Type", "application/json");
        }
        return client.request(options)
                .compose(req -> body == null ? req.send() : req.send(body.toBuffer()))
                .compose(response -> response.body().map(content -> checked(response.statusCode(), content)))
                .recover(failure -> Future.failedFuture(failure instanceof MailboxApiException ? failure
                        : new MailboxApiException(0, "unavailable", failure.toString())));
    }

    private static Buffer checked(int status, Buffer content) {
        if (status >= 200 && status < 300) {
            return content;
        }
        try {
            JsonObject error = content.toJsonObject();
            throw new MailboxApiException(status, error.getString("error", "unavailable"), error.getString("detail", ""));
        } catch (DecodeException | ClassCastException e) {
            throw new MailboxApiException(status, "unavailable", "HTTP " + status);
        }
    }

    private static String path(String account) {
        return "/internal/v1/accounts/" + MailboxClient.encode(account) + "/maildrop";
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
