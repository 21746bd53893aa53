package io.postflow.ingress.domain;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * A cap on message bytes handed to the spool and not yet durable, across all sessions. A session
 * whose message does not fit waits, with its socket paused (one command in flight), until earlier
 * messages are acknowledged: the producer's memory stays bounded and clients slow down instead of
 * the broker timing out. Waiters are served in arrival order; a message larger than the whole cap
 * goes alone.
 */
public final class ByteBudget {

    private record Waiter(long bytes, UniEmitter<? super Void> emitter) {
    }

    private final long capacity;
    private final Queue<Waiter> waiters = new ArrayDeque<>();
    private long inFlight;

    public ByteBudget(long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /** Completes once {@code bytes} fit; the caller must {@link #release} them afterwards. */
    public Uni<Void> acquire(long bytes) {
        return Uni.createFrom().emitter(emitter -> {
            synchronized (this) {
                if (waiters.isEmpty() && fits(bytes)) {
                    inFlight += bytes;
                } else {
                    waiters.add(new Waiter(bytes, emitter));
                    return;
                }
            }
            emitter.complete(null);
        });
    }

    public void release(long bytes) {
        Queue<Waiter> ready = new ArrayDeque<>();
        synchronized (this) {
            inFlight -= bytes;
            while (!waiters.isEmpty() && fits(waiters.peek().bytes())) {
                Waiter next = waiters.poll();
                inFlight += next.bytes();
                ready.add(next);
            }
        }
        ready.forEach(w -> w.emitter().complete(null)); // outside the lock: continuations run here
    }

    public synchronized long inFlight() {
        return inFlight;
    }

    private boolean fits(long bytes) {
        return inFlight == 0 || inFlight + bytes <= capacity;
    }
}
