package io.postflow.gateway.imap.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Coalescing of change hints during IDLE, on a hand-driven clock and hand-completed catch-ups. */
class IdleLoopTest {

    /** Timers run only when the test says so. */
    private static final class ManualTimers implements ImapConnection {
        final List<Runnable> due = new ArrayList<>();

        void fire() {
            List<Runnable> now = new ArrayList<>(due);
            due.clear();
            now.forEach(Runnable::run);
        }

        @Override
        public Runnable schedule(long delayMillis, Runnable action) {
            due.add(action);
            return () -> due.remove(action);
        }

        @Override
        public void write(byte[] bytes) {
        }

        @Override
        public Future<Void> stream(ReadStream<Buffer> body) {
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> drained() {
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> startTls() {
            return Future.succeededFuture();
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
        }

        @Override
        public void execute(Runnable action) {
            action.run();
        }
    }

    private final ManualTimers timers = new ManualTimers();
    private final List<Promise<Void>> syncs = new ArrayList<>();
    private final IdleLoop loop = new IdleLoop(timers, () -> {
        Promise<Void> p = Promise.promise();
        syncs.add(p);
        return p.future();
    }, 50);

    @Test
    void startCatchesUpOnceAndHintsAreIgnoredOutsideIdle() {
        loop.hint();
        assertThat(timers.due).isEmpty();
        loop.start();
        assertThat(syncs).hasSize(1);
        syncs.get(0).complete();
        assertThat(loop.stop().succeeded()).isTrue();
        loop.hint();
        timers.fire();
        assertThat(syncs).hasSize(1);
    }

    @Test
    void aBurstOfHintsCostsOneCatchUpAfterTheCoalescingDelay() {
        loop.start();
        syncs.get(0).complete();
        for (int i = 0; i < 100; i++) {
            loop.hint();
        }
        assertThat(timers.due).hasSize(1);
        assertThat(syncs).hasSize(1);
        timers.fire();
        assertThat(syncs).hasSize(2);
    }

    @Test
    void hintsDuringACatchUpCauseExactlyOneMore() {
        loop.start();
        for (int i = 0; i < 10; i++) {
            loop.hint(); // the first catch-up is still running
        }
        assertThat(timers.due).isEmpty();
        syncs.get(0).complete();
        assertThat(timers.due).hasSize(1);
        timers.fire();
        assertThat(syncs).hasSize(2);
        syncs.get(1).complete();
        timers.fire();
        assertThat(syncs).hasSize(2);
    }

    @Test
    void stopWaitsForTheRunningCatchUpAndCancelsTheScheduledOne() {
        loop.start();
        syncs.get(0).complete();
        loop.hint();
        timers.fire();
        loop.hint();
        Future<Void> stopped = loop.stop();
        assertThat(stopped.isComplete()).isFalse();
        syncs.get(1).complete();
        assertThat(stopped.succeeded()).isTrue();
        timers.fire();
        assertThat(syncs).hasSize(2);
        assertThat(loop.active()).isFalse();
    }
}
