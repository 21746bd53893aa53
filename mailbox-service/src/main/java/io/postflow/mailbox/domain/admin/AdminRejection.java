package io.postflow.mailbox.domain.admin;

import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * An admin request that cannot be carried out as asked. The API layer turns the reason into an
 * HTTP status; the detail is safe to show to the caller.
 */
public final class AdminRejection extends RuntimeException {

    /** Why the request was refused. */
    public enum Reason {
        /** Malformed input: an invalid address, domain, password or field. */
        INVALID,
        /** The named domain, account or alias does not exist. */
        NOT_FOUND,
        /** It exists already, or something still depends on it. */
        CONFLICT,
        /** The address is not in a local domain. */
        NOT_LOCAL
    }

    private final Reason reason;

    private AdminRejection(Reason reason, String detail) {
        super(detail, null, false, false); // expected outcome: no stack trace
        this.reason = reason;
    }

    public static AdminRejection invalid(String detail) {
        return new AdminRejection(Reason.INVALID, detail);
    }

    public static AdminRejection notFound(String detail) {
        return new AdminRejection(Reason.NOT_FOUND, detail);
    }

    public static AdminRejection conflict(String detail) {
        return new AdminRejection(Reason.CONFLICT, detail);
    }

    public static AdminRejection notLocal(String detail) {
        return new AdminRejection(Reason.NOT_LOCAL, detail);
    }

    /** A failed Uni with the rejection if the condition holds, else a void item: for checks in a pipeline. */
    public static Uni<Void> failIf(boolean condition, Supplier<AdminRejection> rejection) {
        return condition ? Uni.createFrom().failure(() -> rejection.get()) : Uni.createFrom().voidItem();
    }

    public Reason reason() {
        return reason;
    }

    public String detail() {
        return getMessage();
    }
}
