package io.postflow.ingress.adapter.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.ingress.auth.AuthVerdict;
import io.postflow.ingress.config.InternalTokenConfig;
import io.postflow.ingress.config.MailboxApiConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The password check against a fake mailbox-service speaking the internal API's contract. */
class MailboxPasswordCheckTest {

    private final Vertx vertx = Vertx.vertx();
    private final List<JsonObject> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void fakeMailboxService() throws Exception {
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            if (!request.path().equals(MailboxPasswordCheck.PATH)) {
                request.response().setStatusCode(404).end();
                return;
            }
            if (!"Bearer internal-secret".equals(request.getHeader("Authorization"))) {
                // what mailbox-service answers for a wrong service token: 401, but not authentication_failed
                request.response().setStatusCode(401).end("{\"error\":\"unauthorized\",\"detail\":\"bearer token required\"}");
                return;
            }
            JsonObject json = body.toJsonObject();
            requests.add(json);
            switch (json.getString("address")) {
                case "alice@example.test" -> request.response().setStatusCode(json.getString("password").equals("s3cret") ? 200 : 401)
                        .end(json.getString("password").equals("s3cret")
                                ? "{\"account\":\"alice@example.test\",\"accountId\":42}" : "{\"error\":\"authentication_failed\"}");
                case "busy@example.test" -> request.response().setStatusCode(429).end("{\"error\":\"throttled\"}");
                case "slow@example.test" -> vertx.setTimer(3000, t -> request.response().end("{}"));
                default -> request.response().setStatusCode(500).end();
            }
        })).listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        vertx.close();
    }

    private MailboxPasswordCheck check(String token, int port) {
        MailboxApiConfig api = new MailboxApiConfig() {
            @Override
            public String url() {
                return "http://127.0.0.1:" + port + "/";
            }

            @Override
            public Duration timeout() {
                return Duration.ofMillis(500);
            }
        };
        InternalTokenConfig internal = () -> Optional.of(token);
        return new MailboxPasswordCheck(vertx, api, internal);
    }

    private AuthVerdict verify(MailboxPasswordCheck check, String address, String password) {
        return check.verify(address, password, "192.0.2.7").await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void answersMapToVerdicts() {
        MailboxPasswordCheck check = check("internal-secret", server.actualPort());
        assertThat(verify(check, "alice@example.test", "s3cret")).isEqualTo(new AuthVerdict.Verified("alice@example.test", 42));
        assertThat(verify(check, "alice@example.test", "nope")).isInstanceOf(AuthVerdict.Rejected.class);
        assertThat(verify(check, "busy@example.test", "x")).isInstanceOf(AuthVerdict.Throttled.class);
        assertThat(verify(check, "broken@example.test", "x")).isInstanceOf(AuthVerdict.Unavailable.class);
        assertThat(requests.get(0).getMap()).containsOnlyKeys("address", "password", "clientAddress")
                .containsEntry("clientAddress", "192.0.2.7");
    }

    @Test
    void verdictsStayExactForCallersOffTheEventLoop() {
        // a CI failure once read a 401 authentication_failed as an empty body: the answer raced body()
        MailboxPasswordCheck check = check("internal-secret", server.actualPort());
        for (int i = 0; i < 200; i++) {
            assertThat(verify(check, "alice@example.test", i % 2 == 0 ? "nope" : "s3cret"))
                    .isInstanceOf(i % 2 == 0 ? AuthVerdict.Rejected.class : AuthVerdict.Verified.class);
        }
    }

    @Test
    void aSlowServiceIsUnavailableAfterTheTimeout() {
        long began = System.nanoTime();
        assertThat(verify(check("internal-secret", server.actualPort()), "slow@example.test", "x")).isInstanceOf(AuthVerdict.Unavailable.class);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aWrongTokenOrNoServiceIsUnavailableNeverRejected() {
        assertThat(verify(check("wrong", server.actualPort()), "alice@example.test", "s3cret")).isInstanceOf(AuthVerdict.Unavailable.class);
        assertThat(verify(check("internal-secret", 1), "alice@example.test", "s3cret")).isInstanceOf(AuthVerdict.Unavailable.class);
    }
}
