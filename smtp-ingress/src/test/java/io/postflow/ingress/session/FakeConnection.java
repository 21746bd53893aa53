package io.postflow.ingress.session;

import io.postflow.common.record.TlsInfo;
import io.postflow.common.smtp.SmtpReply;
import io.postflow.common.smtp.SmtpReplyEncoder;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The {@link Connection} port without a socket: replies are recorded as the wire lines they become. */
final class FakeConnection implements Connection {

    static final TlsInfo TLS = new TlsInfo("TLSv1.3", "TLS_AES_128_GCM_SHA256");

    private final FakeLoop loop;
    private final boolean tlsAvailable;
    private final String clientAddress;
    private final boolean loopback;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private volatile TlsInfo tls;
    private volatile boolean closed;
    private volatile int tlsUpgrades;

    FakeConnection(FakeLoop loop, boolean tlsAvailable, boolean implicitTls, String clientAddress, boolean loopback) {
        this.loop = loop;
        this.tlsAvailable = tlsAvailable;
        this.tls = implicitTls ? TLS : null;
        this.clientAddress = clientAddress;
        this.loopback = loopback;
    }

    /** Every reply line written so far, without CRLF. */
    List<String> lines() {
        return lines;
    }

    boolean closed() {
        return closed;
    }

    int tlsUpgrades() {
        return tlsUpgrades;
    }

    @Override
    public Uni<Void> reply(SmtpReply reply) {
        if (closed) {
            return Uni.createFrom().failure(new IllegalStateException("write after close"));
        }
        String wire = SmtpReplyEncoder.encode(reply, true);
        for (String line : wire.split("\r\n")) {
            lines.add(line);
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    public boolean tlsAvailable() {
        return tlsAvailable;
    }

    @Override
    public Uni<Void> startTls() {
        tls = TLS;
        tlsUpgrades++;
        return Uni.createFrom().voidItem();
    }

    @Override
    public TlsInfo tls() {
        return tls;
    }

    @Override
    public String clientAddress() {
        return clientAddress;
    }

    @Override
    public boolean loopback() {
        return loopback;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public void execute(Runnable action) {
        loop.execute(action);
    }

    @Override
    public long nowMillis() {
        return loop.now();
    }

    @Override
    public Cancellable schedule(long delayMillis, Runnable action) {
        return loop.schedule(delayMillis, action);
    }
}
