package io.postflow.ingress.server;

import io.postflow.common.io.LineReader;
import io.postflow.ingress.config.SmtpIngressConfig;
import io.postflow.ingress.session.ListenerKind;
import io.postflow.ingress.session.SessionFactory;
import io.postflow.ingress.session.SessionSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServerOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Starts the three listeners of the CONTRACT at start-up (MX and submission in plain text with
 * STARTTLS, SMTPS with TLS from the first byte) and stops them at shutdown, telling every open
 * session {@code 421 4.3.2} first (RFC 5321 §3.8).
 */
@ApplicationScoped
public class SmtpServer {

    private static final Logger LOG = Logger.getLogger(SmtpServer.class);
    private static final Duration GRACE = Duration.ofSeconds(3);

    private final Vertx vertx;
    private final SmtpIngressConfig config;
    private final ListenerTls tls;
    private final SessionFactory sessions;
    private final SessionSettings settings;
    private final LiveSessions live = new LiveSessions();
    private final Map<ListenerKind, Integer> ports = new EnumMap<>(ListenerKind.class);
    private final List<String> deployments = new ArrayList<>();
    private ConnectionLimiter limiter;
    private ConnectionAcceptor acceptor;

    public SmtpServer(Vertx vertx, SmtpIngressConfig config, ListenerTls tls, SessionFactory sessions, SessionSettings settings) {
        this.vertx = vertx;
        this.config = config;
        this.tls = tls;
        this.sessions = sessions;
        this.settings = settings;
    }

    void start(@Observes StartupEvent event) throws Exception {
        limiter = new ConnectionLimiter(config.limits().maxConnections(), config.limits().maxConnectionsPerClient());
        int pipelined = config.limits().maxPipelinedBytes();
        LineReader.Limits lines = new LineReader.Limits(settings.readerLineLimit(), pipelined, pipelined / 2);
        acceptor = new ConnectionAcceptor(vertx, sessions, limiter, live, lines, tls.keyCert().isPresent());
        listen(ListenerKind.MX, config.mx(), acceptor);
        listen(ListenerKind.SUBMISSION, config.submission(), acceptor);
        if (tls.keyCert().isPresent()) {
            listen(ListenerKind.SMTPS, config.smtps(), acceptor);
        } else {
            LOG.warnf("no certificate in TLS configuration '%s' (quarkus.tls.%s.key-store.pem.0.cert/key): "
                    + "STARTTLS is not offered and SMTPS does not listen", tls.name(), tls.name());
        }
        LOG.infof("SMTP listening as %s: %s", settings.hostname(), ports);
    }

    private void listen(ListenerKind listener, SmtpIngressConfig.Listener where, ConnectionAcceptor acceptor) throws Exception {
        // Port 0 (tests): Vert.x gives each instance its own random port, but a negative port is
        // one random port shared by all instances that name it; one per listener.
        int port = where.port() == 0 ? -1 - listener.ordinal() : where.port();
        NetServerOptions options = new NetServerOptions().setHost(where.host()).setPort(port);
        tls.keyCert().ifPresent(keyCert -> options.setKeyCertOptions(keyCert).setSsl(listener.implicitTls()));
        int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
        Future<String> deployed = vertx.deployVerticle(() -> new ListenerVerticle(listener, options, acceptor,
                actual -> bound(listener, actual)), new DeploymentOptions().setInstances(instances));
        deployments.add(deployed.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS));
    }

    private synchronized void bound(ListenerKind listener, int port) {
        ports.put(listener, port);
    }

    /** The port a listener is bound to (for tests configured with port 0), or -1. */
    public synchronized int port(ListenerKind listener) {
        return ports.getOrDefault(listener, -1);
    }

    public int openConnections() {
        return limiter == null ? 0 : limiter.open();
    }

    /**
     * New connections are refused with 421 first, then every session gets its 421, and only then
     * the servers close: closing a NetServer drops its connections without a word.
     */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (acceptor == null) {
            return;
        }
        acceptor.refuseNewConnections();
        live.shutdownAll();
        long deadline = System.nanoTime() + GRACE.toNanos();
        while (live.size() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        for (String id : deployments) {
            vertx.undeploy(id).toCompletionStage().toCompletableFuture().exceptionally(e -> null).join();
        }
        LOG.infof("SMTP listeners stopped (%d sessions were still closing)", live.size());
    }
}
