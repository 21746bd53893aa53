package io.postflow.ingress.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.postflow.common.io.LineReader;
import io.postflow.ingress.session.ListenerKind;
import io.postflow.ingress.session.TestEngine;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connection pipeline on a real Vert.x socket: connection limits at connect, and 421 at shutdown. */
class SmtpConnectionLimitsTest {

    private final Vertx vertx = Vertx.vertx();
    private final TestEngine engine = new TestEngine();
    private final LiveSessions live = new LiveSessions();
    private final ConnectionLimiter limiter = new ConnectionLimiter(2, 1);
    private ConnectionAcceptor acceptor;
    private NetServer server;

    @BeforeEach
    void listen() throws Exception {
        acceptor = new ConnectionAcceptor(vertx, engine.factory(), limiter, live, new LineReader.Limits(2048, 65536, 32768), false);
        server = vertx.createNetServer().connectHandler(socket -> acceptor.accept(ListenerKind.MX, socket))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() {
        vertx.close();
        engine.close();
    }

    @Test
    void aSecondConnectionFromTheSameClientIsRefusedWith421() throws Exception {
        try (SmtpTestClient first = SmtpTestClient.plain(server.actualPort());
             SmtpTestClient second = SmtpTestClient.plain(server.actualPort())) {
            assertThat(first.last()).startsWith("220 ");
            assertThat(second.last()).isEqualTo("421 4.7.0 Too many connections, try again later");
            assertThat(second.closedByServer()).isTrue();
            first.send("QUIT");
            assertThat(first.last()).startsWith("221 ");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> limiter.open() == 0 && live.size() == 0);
        try (SmtpTestClient again = SmtpTestClient.plain(server.actualPort())) {
            assertThat(again.last()).startsWith("220 "); // the slot was given back on close
        }
    }

    @Test
    void shutdownSays421ToOpenSessionsAndToNewConnections() throws Exception {
        try (SmtpTestClient open = SmtpTestClient.plain(server.actualPort())) {
            open.reply();
            open.send("HELO client.example");
            open.reply();
            await().atMost(Duration.ofSeconds(5)).until(() -> live.size() == 1);
            acceptor.refuseNewConnections();
            live.shutdownAll();
            assertThat(open.last()).isEqualTo("421 4.3.2 Service shutting down, try again later");
            assertThat(open.closedByServer()).isTrue();
        }
        try (SmtpTestClient late = SmtpTestClient.plain(server.actualPort())) {
            assertThat(late.last()).startsWith("421 4.3.2");
        }
    }
}
