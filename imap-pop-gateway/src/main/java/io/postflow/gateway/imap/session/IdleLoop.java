package io.postflow.gateway.imap.session;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.function.Supplier;

/**
 * The push side of one session's IDLE (RFC 2177): while the client idles, each change hint for the
 * selected mailbox leads to one catch-up with mailbox-service whose untagged responses go out at
 * once. Hints are coalesced per session: at most one catch-up runs, hints arriving meanwhile (or
 * within {@code coalesceMillis} of the first) cause exactly one more, so a burst of events costs a
 * session one or two round trips, not one per event. Used on the session's event loop only.
 */
final class IdleLoop {

    private final ImapConnection connection;
    private final Supplier<Future<Void>> sync;
    private final long coalesceMillis;
    private boolean active;
    private boolean again;
    private Runnable timer;
    private Future<Void> running = Future.succeededFuture();

    /** @param sync asks for the changes and writes their untagged responses (EXPUNGE included) */
    IdleLoop(ImapConnection connection, Supplier<Future<Void>> sync, long coalesceMillis) {
        this.connection = connection;
        this.sync = sync;
        this.coalesceMillis = coalesceMillis;
    }

    boolean active() {
        return active;
    }

    /** IDLE began: report what is pending right away, then follow the hints. */
    void start() {
        active = true;
        again = false;
        run();
    }

    /** The mailbox changed (on the event loop). */
    void hint() {
        if (!active) {
            return;
        }
        if (timer != null || !running.isComplete()) {
            again = true; // folded into the catch-up that is scheduled or running
            return;
        }
        timer = connection.schedule(coalesceMillis, () -> {
            timer = null;
            run();
        });
    }

    /**
     * IDLE ends (DONE or the connection closed): no more pushes; completes when a catch-up still
     * running has written its responses, so none follows the tagged completion (RFC 3501 §7.4.1).
     */
    Future<Void> stop() {
        active = false;
        again = false;
        if (timer != null) {
            timer.run();
            timer = null;
        }
        return running;
    }

    private void run() {
        if (!active) {
            return;
        }
        again = false;
        Promise<Void> done = Promise.promise();
        running = done.future();
        sync.get().onComplete(v -> {
            done.complete();
            if (again && active) {
                hint();
            }
        });
    }
}
