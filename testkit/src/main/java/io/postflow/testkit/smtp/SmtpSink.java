package io.postflow.testkit.smtp;

import io.smallrye.certs.CertificateGenerator;
import io.smallrye.certs.CertificateRequest;
import io.smallrye.certs.Format;
import io.smallrye.certs.PemCertificateFiles;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.PemKeyCertOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scriptable SMTP server for tests: listens on one port on each of several loopback addresses
 * (Linux routes all of 127/8 to lo, so 127.0.0.2, 127.0.0.3 … are distinct "hosts"), answers per
 * its {@link SinkScript} and records every transaction for assertions. STARTTLS uses a fresh
 * self-signed certificate. Runs on a Vert.x instance of its own; closing it stops everything.
 *
 * <pre>
 * try (SmtpSink sink = SmtpSink.start(port, SinkScript.acceptAll(), "127.0.0.2", "127.0.0.3")) {
 *     ... deliver ...
 *     sink.awaitTransactions(1, Duration.ofSeconds(10));
 * }
 * </pre>
 */
public final class SmtpSink implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final List<NetServer> servers = new ArrayList<>();
    private final List<ReceivedTransaction> transactions = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();
    private volatile SinkScript script;
    private final int port;

    private SmtpSink(int port, SinkScript script) {
        this.port = port;
        this.script = script;
    }

    /** Listens on {@code port} at every address; the script can be replaced later with {@link #script(SinkScript)}. */
    public static SmtpSink start(int port, SinkScript script, String... addresses) {
        SmtpSink sink = new SmtpSink(port, script);
        try {
            PemCertificateFiles certificate = certificate();
            NetServerOptions options = new NetServerOptions().setSsl(false)
                    .setKeyCertOptions(new PemKeyCertOptions().setCertPath(certificate.certFile().toString())
                            .setKeyPath(certificate.keyFile().toString()));
            for (String address : addresses) {
                NetServer server = sink.vertx.createNetServer(options.setHost(address).setPort(port));
                server.connectHandler(socket -> sink.accept(socket));
                sink.servers.add(server);
                server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
            return sink;
        } catch (Exception e) {
            sink.close();
            throw new IllegalStateException("cannot start the SMTP sink on port " + port, e);
        }
    }

    private static PemCertificateFiles certificate;

    /** One self-signed pair per JVM: generating a key takes most of a second. */
    private static synchronized PemCertificateFiles certificate() throws Exception {
        if (certificate == null) {
            Path dir = Files.createTempDirectory("smtp-sink-cert");
            dir.toFile().deleteOnExit();
            certificate = (PemCertificateFiles) new CertificateGenerator(dir, false).generate(new CertificateRequest()
                    .withName("sink").withCN("sink.test").withSubjectAlternativeName("DNS:localhost")
                    .withDuration(Duration.ofDays(2)).withFormat(Format.PEM)).get(0);
            try (var files = Files.list(dir)) {
                files.forEach(file -> file.toFile().deleteOnExit());
            }
        }
        return certificate;
    }

    private void accept(NetSocket socket) {
        int number = connections.incrementAndGet();
        mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        socket.closeHandler(v -> open.decrementAndGet());
        SinkScript current = script;
        if (current.closeOnConnect()) {
            socket.close();
            return;
        }
        new SinkSession(vertx, socket, current, number, true, transactions::add).start();
    }

    /** Replaces the script for connections accepted from now on. */
    public void script(SinkScript next) {
        this.script = next;
    }

    public int port() {
        return port;
    }

    /** Finished transactions so far, in order. */
    public List<ReceivedTransaction> transactions() {
        return List.copyOf(transactions);
    }

    /** TCP connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** The most connections that were open at the same time. */
    public int mostConcurrentConnections() {
        return mostOpen.get();
    }

    /** Connections open right now. */
    public int openConnections() {
        return open.get();
    }

    /** Waits until at least {@code count} transactions arrived; returns them. */
    public List<ReceivedTransaction> awaitTransactions(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (transactions.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " transactions, got " + transactions.size());
            }
            Thread.sleep(10);
        }
        return transactions();
    }

    @Override
    public void close() {
        Future.join(servers.stream().map(NetServer::close).toList())
                .eventually(() -> vertx.close())
                .toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
