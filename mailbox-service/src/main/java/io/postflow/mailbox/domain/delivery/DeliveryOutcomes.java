package io.postflow.mailbox.domain.delivery;

import io.postflow.common.status.DeliveryStatus;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** Port: where delivery reports its outcomes. Each Uni completes when the report is durable. */
public interface DeliveryOutcomes {

    Uni<Void> statuses(List<DeliveryStatus> statuses);

    /** Hands a request back for a later attempt (the relay's retry tiers bring it back). */
    Uni<Void> retryLater(DeliveryRequest request, java.time.Duration age);
}
