package io.postflow.ingress.adapter.mailbox;

import io.postflow.ingress.auth.AuthVerdict;
import io.postflow.ingress.auth.PasswordCheck;
import io.postflow.ingress.config.InternalTokenConfig;
import io.postflow.ingress.config.MailboxApiConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Password checks through mailbox-service's internal API:
 * {@code POST /internal/v1/auth/verify} with {@code {"address","password","clientAddress"}} and
 * the service bearer token. 200 → the account, 401 {@code authentication_failed} → wrong
 * credentials, 429 → throttled, anything else (or no answer in time) → unavailable. A 401 for our
 * own bearer token ({@code unauthorized}) is a deployment fault, not the user's: telling the user
 * their password is wrong would hide it, so it is unavailable too. The password is never logged.
 */
@ApplicationScoped
public class MailboxPasswordCheck implements PasswordCheck {

    static final String PATH = "/internal/v1/auth/verify";
    private static final Logger LOG = Logger.getLogger(MailboxPasswordCheck.class);

    private final Vertx vertx;
    private final HttpClient client;
    private final String url;
    private final String token;
    private final long timeoutMillis;

    public MailboxPasswordCheck(Vertx vertx, MailboxApiConfig api, InternalTokenConfig internal) {
        this.vertx = vertx;
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) api.timeout().toMillis()));
        this.url = api.url().replaceAll("/+$", "") + PATH;
        this.token = internal.token().orElse("");
        this.timeoutMillis = api.timeout().toMillis();
    }

    @Override
    public Uni<AuthVerdict> verify(String address, String password, String clientAddress) {
        Buffer body = new JsonObject().put("address", address).put("password", password).put("clientAddress", clientAddress).toBuffer();
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url).setTimeout(timeoutMillis)
                .putHeader("Authorization", "Bearer " + token).putHeader("Content-Type", "application/json");
        // The exchange runs on one Vert.x context even when the caller is not on one (tests, a worker):
        // otherwise the response could arrive before body() is installed and be read as empty.
        Context context = vertx.getOrCreateContext();
        return Uni.createFrom().<AuthVerdict>emitter(emitter -> context.runOnContext(ignored -> client.request(request)
                        .compose(req -> req.send(body))
                        .compose(response -> response.body().map(content -> verdict(response, content)))
                        .onComplete(result -> {
                            if (result.succeeded()) {
                                emitter.complete(result.result());
                            } else {
                                emitter.fail(result.cause());
                            }
                        })))
                .onFailure().recoverWithItem(failure -> unavailable(failure.toString()));
    }

    private static AuthVerdict verdict(HttpClientResponse response, Buffer content) {
        switch (response.statusCode()) {
            case 200:
                try {
                    JsonObject account = content.toJsonObject();
                    String canonical = account.getString("account");
                    Long id = account.getLong("accountId");
                    return canonical == null || id == null ? unavailable("200 without account") : new AuthVerdict.Verified(canonical, id);
                } catch (DecodeException | ClassCastException e) {
                    return unavailable("200 with malformed body");
                }
            case 401:
                return "authentication_failed".equals(errorCode(content)) ? new AuthVerdict.Rejected()
                        : unavailable("HTTP 401 for the service token (postflow.internal.token differs from mailbox-service's?)");
            case 429:
                return new AuthVerdict.Throttled();
            default:
                return unavailable("HTTP " + response.statusCode());
        }
    }

    private static String errorCode(Buffer content) {
        try {
            return content.toJsonObject().getString("error");
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }

    private static AuthVerdict unavailable(String reason) {
        LOG.warnf("password check unavailable: %s", reason);
        return new AuthVerdict.Unavailable(reason);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
