package io.postflow.relay.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.relay.dns.MxTarget;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** QUIT completes when the channel is closed: by the server after 221, or by us after a short grace. */
class QuitCloseTest {

    private final Vertx vertx = Vertx.vertx();
    private final AtomicBoolean serverSawClose = new AtomicBoolean();

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private SmtpConnection connect(boolean serverCloses) throws Exception {
        NetServer server = vertx.createNetServer().connectHandler(socket -> {
            socket.closeHandler(v -> serverSawClose.set(true));
            socket.handler(data -> {
                if (data.toString().startsWith("QUIT")) {
                    socket.write("221 2.0.0 bye\r\n").onComplete(written -> {
                        if (serverCloses) {
                            socket.close();
                        }
                    });
                }
            });
        });
        int port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
        NetSocket socket = vertx.createNetClient().connect(port, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return new SmtpConnection(vertx, socket, new MxTarget("mx.test", 10, InetAddress.getLoopbackAddress()));
    }

    private static long quitMillis(SmtpConnection connection) throws Exception {
        long began = System.nanoTime();
        connection.quit(Duration.ofMinutes(5)).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return Duration.ofNanos(System.nanoTime() - began).toMillis();
    }

    @Test
    void completesOnceTheServerClosesAfterItsReply() throws Exception {
        SmtpConnection connection = connect(true);
        assertThat(quitMillis(connection)).isLessThan(SmtpConnection.CLOSE_GRACE_MILLIS);
        assertThat(serverSawClose).isTrue();
        assertThat(connection.isUsable()).isFalse();
    }

    @Test
    void aServerThatKeepsTheChannelOpenAfter221IsClosedAfterTheGraceNotTheCommandTimeout() throws Exception {
        SmtpConnection connection = connect(false);
        long took = quitMillis(connection);
        assertThat(took).isGreaterThanOrEqualTo(SmtpConnection.CLOSE_GRACE_MILLIS - 50).isLessThan(20_000);
        assertThat(connection.isUsable()).isFalse();
    }
}
