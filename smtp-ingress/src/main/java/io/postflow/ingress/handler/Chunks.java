package io.postflow.ingress.handler;

import io.postflow.ingress.protocol.ChunkReceiver;
import io.postflow.ingress.session.SessionContext;
import io.smallrye.mutiny.Uni;

/** Reads or discards one BDAT chunk, with the data-block timeout running while bytes are due. */
public final class Chunks {

    private Chunks() {
    }

    public static Uni<Void> read(long size, ChunkReceiver into, SessionContext session) {
        return Uni.createFrom().emitter(emitter -> {
            session.awaitClient(session.settings().dataBlockTimeout());
            session.inbound().readFixed(size, piece -> {
                session.awaitClient(session.settings().dataBlockTimeout());
                into.accept(piece);
            }, () -> {
                session.stopWaiting();
                emitter.complete(null);
            });
        });
    }

    /** RFC 3030 §2: a refused chunk is still read in full before the reply. */
    public static Uni<Void> discard(long size, SessionContext session) {
        return Uni.createFrom().emitter(emitter -> {
            session.awaitClient(session.settings().dataBlockTimeout());
            session.inbound().readFixed(size, null, () -> {
                session.stopWaiting();
                emitter.complete(null);
            });
        });
    }
}
