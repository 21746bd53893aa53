package io.postflow.ingress.session;

import io.postflow.common.record.MailRecord;
import io.postflow.ingress.domain.MailSpool;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A spool that keeps what it was given, or fails like a broker that is down, or holds its
 * acknowledgements back like a saturated one until the test releases them.
 */
final class FakeSpool implements MailSpool {

    final List<MailRecord> records = new CopyOnWriteArrayList<>();
    volatile boolean down;
    volatile boolean holding;
    private final List<Runnable> held = new CopyOnWriteArrayList<>();

    @Override
    public Uni<Void> accept(MailRecord record) {
        if (down) {
            return Uni.createFrom().failure(new IllegalStateException("broker unavailable"));
        }
        records.add(record);
        if (holding) {
            return Uni.createFrom().emitter(emitter -> held.add(() -> emitter.complete(null)));
        }
        return Uni.createFrom().voidItem();
    }

    /** Acknowledgements not yet given. */
    int held() {
        return held.size();
    }

    /** Acknowledges every held record, oldest first. */
    void release() {
        List<Runnable> due = List.copyOf(held);
        held.removeAll(due);
        due.forEach(Runnable::run);
    }
}
