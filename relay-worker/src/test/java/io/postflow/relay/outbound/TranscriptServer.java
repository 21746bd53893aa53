package io.postflow.relay.outbound;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A remote MTA that follows a transcript for the first connection: {@code S: text} lines are sent
 * verbatim, {@code C: regex} lines must match what the client sends next, line by line. A client
 * line that arrives before the server line it should wait for (pipelining where the script does not
 * expect it) is a mismatch. {@code X:} closes the connection there. {@link #finished} completes with
 * the mismatches once the script ends.
 */
final class TranscriptServer implements AutoCloseable {

    final CompletableFuture<List<String>> finished = new CompletableFuture<>();
    private final NetServer server;
    private final List<String> script;
    private final List<String> errors = new ArrayList<>();
    private final Deque<String> received = new ArrayDeque<>();
    private NetSocket socket;
    private int step;

    private TranscriptServer(Vertx vertx, List<String> script) {
        this.script = script;
        this.server = vertx.createNetServer();
        server.connectHandler(this::connected);
    }

    static TranscriptServer start(Vertx vertx, String host, int port, String... script) throws Exception {
        TranscriptServer transcript = new TranscriptServer(vertx, List.of(script));
        transcript.server.listen(port, host).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return transcript;
    }

    private void connected(NetSocket connection) {
        if (socket != null) {
            errors.add("unexpected second connection");
            connection.close();
            return;
        }
        socket = connection;
        RecordParser parser = RecordParser.newDelimited("\r\n", line -> {
            received.add(line.toString(StandardCharsets.UTF_8));
            advance();
        });
        connection.handler(parser);
        advance();
    }

    private void advance() {
        while (step < script.size()) {
            String line = script.get(step);
            if (line.equals("X:")) {
                socket.close();
                step = script.size();
                finished.complete(List.copyOf(errors));
                return;
            }
            if (line.startsWith("S: ")) {
                if (!received.isEmpty()) {
                    errors.add("client sent '" + received.peek() + "' before the server said '" + line.substring(3) + "'");
                }
                socket.write(line.substring(3) + "\r\n");
            } else {
                if (received.isEmpty()) {
                    return; // wait for the client
                }
                String sent = received.poll();
                String expected = line.substring(3);
                if (!Pattern.matches(expected, sent)) {
                    errors.add("expected /" + expected + "/ but client sent '" + sent + "'");
                }
            }
            step++;
        }
        if (!received.isEmpty()) {
            errors.add("client sent '" + received.poll() + "' after the end of the transcript");
        }
        finished.complete(List.copyOf(errors));
    }

    List<String> awaitEnd() throws Exception {
        return finished.get(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (socket != null) {
            socket.close();
        }
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
