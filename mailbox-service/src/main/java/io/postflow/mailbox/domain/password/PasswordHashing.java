package io.postflow.mailbox.domain.password;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * Runs {@link PasswordHasher} off the event loop, on a small pool of its own.
 *
 * <p>Each hash holds {@link Argon2Cost#memoryKib()} (19 MiB) while it runs, so the pool has one
 * thread per core: a burst of requests queues for CPU instead of exhausting the heap. The result
 * is delivered on the caller's Vert.x context, so a reactive Hibernate session continues there.
 */
@ApplicationScoped
public class PasswordHashing {

    private final PasswordHasher hasher = new PasswordHasher();
    private final WorkerExecutor workers;

    PasswordHashing(Vertx vertx) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.workers = vertx.createSharedWorkerExecutor("postflow-password-hashing", threads);
    }

    /** A new PHC string for the password. */
    public Uni<String> hash(String password) {
        return onWorker(() -> {
            char[] chars = password.toCharArray();
            try {
                return hasher.hash(chars);
            } finally {
                Arrays.fill(chars, '\0');
            }
        });
    }

    /** True if the password matches the stored PHC string. */
    public Uni<Boolean> verify(String password, String phc) {
        return onWorker(() -> {
            char[] chars = password.toCharArray();
            try {
                return hasher.verify(chars, phc);
            } finally {
                Arrays.fill(chars, '\0');
            }
        });
    }

    private <T> Uni<T> onWorker(Callable<T> task) {
        // Unordered: independent hashes run in parallel up to the pool size.
        return Uni.createFrom().emitter(emitter -> workers.executeBlocking(task, false).onComplete(result -> {
            if (result.succeeded()) {
                emitter.complete(result.result());
            } else {
                emitter.fail(result.cause());
            }
        }));
    }

    @PreDestroy
    void close() {
        workers.close();
    }
}
