package io.postflow.gateway.imap.server;

import io.postflow.testkit.FreePorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged gateway ({@code target/quarkus-app/quarkus-run.jar}) as a process of its own, on
 * free ports, pointed at a running mailbox-service and the test broker: a second instance is what
 * the in-process {@code @QuarkusTest} application cannot give.
 */
final class GatewayProcess implements AutoCloseable {

    private final Process process;
    private final int imapPort;

    private GatewayProcess(Process process, int imapPort) {
        this.process = process;
        this.imapPort = imapPort;
    }

    /** @param settings config keys (those {@link MailboxServiceProcess#start()} returns, Kafka's) */
    static GatewayProcess start(String name, Map<String, String> settings) throws Exception {
        Path jar = Path.of(System.getProperty("gateway.jar", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the module first (runs in failsafe after package)");
        }
        int imap = FreePorts.next();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-XX:+UseSerialGC"));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-Dpostflow.imap.port=" + imap, "-Dpostflow.imaps.port=" + FreePorts.next(),
                "-Dpostflow.pop3.port=" + FreePorts.next(), "-Dpostflow.pop3s.port=" + FreePorts.next(),
                "-Dquarkus.http.port=" + FreePorts.next(), "-Dpostflow.auth.allow-plaintext-on-loopback=true",
                "-jar", jar.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "gateway-" + name + ".log").toFile()).start();
        GatewayProcess gateway = new GatewayProcess(process, imap);
        gateway.awaitListening(Duration.ofSeconds(90));
        return gateway;
    }

    int imapPort() {
        return imapPort;
    }

    private void awaitListening(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("gateway exited; see target/gateway-*.log");
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), imapPort)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("gateway not listening on " + imapPort + " within " + timeout);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
