package io.postflow.ingress.server;

import io.postflow.ingress.session.ListenerKind;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import java.util.function.IntConsumer;

/**
 * One NetServer of a listener on one event loop. Several instances listen on the same port and
 * Vert.x spreads connections over them, so sessions use every core.
 */
final class ListenerVerticle extends AbstractVerticle {

    private final ListenerKind listener;
    private final NetServerOptions options;
    private final ConnectionAcceptor acceptor;
    private final IntConsumer bound;
    private NetServer server;

    ListenerVerticle(ListenerKind listener, NetServerOptions options, ConnectionAcceptor acceptor, IntConsumer bound) {
        this.listener = listener;
        this.options = options;
        this.acceptor = acceptor;
        this.bound = bound;
    }

    @Override
    public void start(Promise<Void> started) {
        server = vertx.createNetServer(options).connectHandler(socket -> acceptor.accept(listener, socket));
        server.listen().onSuccess(s -> bound.accept(s.actualPort())).<Void>mapEmpty().onComplete(started);
    }

    @Override
    public void stop(Promise<Void> stopped) {
        server.close().onComplete(stopped);
    }
}
