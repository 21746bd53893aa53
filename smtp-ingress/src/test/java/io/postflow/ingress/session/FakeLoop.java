package io.postflow.ingress.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for a Vert.x event loop: one thread runs everything a session does, and timers run
 * on virtual time that only {@link #advance} moves, so timeout tests take no real time.
 */
final class FakeLoop implements AutoCloseable {

    private record Timer(long due, Runnable action, long id) {
    }

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-event-loop"));
    private final List<Timer> timers = new ArrayList<>();
    private long now;
    private long nextId;

    void execute(Runnable action) {
        thread.execute(action);
    }

    /** Runs {@code action} on the loop and waits for it. */
    void runAndWait(Runnable action) {
        try {
            thread.submit(action).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Virtual time in milliseconds; called on the loop. */
    long now() {
        return now;
    }

    /** Called on the loop. */
    Connection.Cancellable schedule(long delayMillis, Runnable action) {
        Timer timer = new Timer(now + delayMillis, action, nextId++);
        timers.add(timer);
        return () -> timers.remove(timer);
    }

    /** Moves virtual time forward on the loop, firing the timers that fall due. */
    void advance(long millis) {
        runAndWait(() -> {
            long target = now + millis;
            while (true) {
                Timer next = timers.stream().filter(t -> t.due() <= target)
                        .min(Comparator.comparingLong(Timer::due).thenComparingLong(Timer::id)).orElse(null);
                if (next == null) {
                    break;
                }
                timers.remove(next);
                now = next.due();
                next.action().run();
            }
            now = target;
        });
    }

    int pendingTimers() {
        int[] count = new int[1];
        runAndWait(() -> count[0] = timers.size());
        return count[0];
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
