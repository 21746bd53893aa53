package io.postflow.gateway.pop3.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.gateway.mailbox.MailboxApiException;
import io.postflow.gateway.mailbox.Maildrop;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lease renewal against QUIT: a renewal answered after QUIT ended the lease is not a lost lease. */
class Pop3SessionLeaseTest {

    private final ManualConnection connection = new ManualConnection();
    private final List<Promise<Void>> renewals = new ArrayList<>();
    private final MaildropLeases leases = new MaildropLeases() {
        @Override
        public Future<Void> renew(String account, String lease) {
            Promise<Void> renewal = Promise.promise();
            renewals.add(renewal);
            return renewal.future();
        }

        @Override
        public Future<Void> release(String account, String lease) {
            return Future.succeededFuture();
        }
    };
    private final Pop3Session session = new Pop3Session("t-1", connection, null, Map.of(), leases, new UserSlots() {
        @Override
        public boolean claim(String user) {
            return true;
        }

        @Override
        public void release(String user) {
        }
    }, new Pop3Settings(600_000, true, 3, Duration.ZERO, Duration.ofSeconds(3)), new NoMetrics());

    private final MaildropView drop = new MaildropView(new Maildrop("lease-1", 7, 1, new long[] {1}, new long[] {10}));

    @Test
    void aRenewalRefusedAfterQuitBeganDoesNotCloseTheConnection() {
        session.holdLease("bob@example.test", drop);
        connection.firePeriodic(); // a renewal goes out …
        session.updating();        // … QUIT begins and its call ends the lease …
        renewals.get(0).fail(new MailboxApiException(409, "lease_not_held", "released by QUIT"));

        assertThat(connection.closed).as("QUIT's own reply must still be written").isFalse();
        assertThat(connection.periodicCancelled).isTrue();
    }

    @Test
    void aRenewalRefusedWhileTheSessionHoldsTheLeaseClosesIt() {
        session.holdLease("bob@example.test", drop);
        connection.firePeriodic();
        renewals.get(0).fail(new MailboxApiException(409, "lease_not_held", "taken over after expiry"));

        assertThat(connection.closed).as("another session may hold the maildrop now").isTrue();
    }

    private static final class ManualConnection implements Pop3Connection {
        Runnable periodic;
        boolean periodicCancelled;
        boolean closed;

        void firePeriodic() {
            periodic.run();
        }

        @Override
        public void write(byte[] bytes) {
        }

        @Override
        public boolean writeQueueFull() {
            return false;
        }

        @Override
        public Future<Void> drained() {
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> startTls() {
            return Future.failedFuture("no TLS here");
        }

        @Override
        public boolean tlsActive() {
            return false;
        }

        @Override
        public boolean tlsAvailable() {
            return false;
        }

        @Override
        public boolean loopback() {
            return true;
        }

        @Override
        public String clientAddress() {
            return "127.0.0.1";
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public boolean isOpen() {
            return !closed;
        }

        @Override
        public Runnable schedule(long delayMillis, Runnable action) {
            return () -> { };
        }

        @Override
        public Runnable periodic(long periodMillis, Runnable action) {
            periodic = action;
            return () -> periodicCancelled = true;
        }
    }

    private static final class NoMetrics implements Pop3Metrics {
        @Override
        public void sessionOpened(boolean implicitTls) {
        }

        @Override
        public void command(String keyword, boolean ok) {
        }

        @Override
        public void authFailure() {
        }

        @Override
        public void retrieved(long octets) {
        }

        @Override
        public void deleted(int messages) {
        }
    }
}
