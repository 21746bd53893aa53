package io.postflow.ingress.session;

import io.postflow.common.record.MailRecord;
import io.postflow.ingress.domain.MailSpool;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A spool that keeps what it was given, or fails like a broker that is down. */
final class FakeSpool implements MailSpool {

    final List<MailRecord> records = new CopyOnWriteArrayList<>();
    volatile boolean down;

    @Override
    public Uni<Void> accept(MailRecord record) {
        if (down) {
            return Uni.createFrom().failure(new IllegalStateException("broker unavailable"));
        }
        records.add(record);
        return Uni.createFrom().voidItem();
    }
}
