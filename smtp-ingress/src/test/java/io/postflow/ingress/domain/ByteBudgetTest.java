package io.postflow.ingress.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import org.junit.jupiter.api.Test;

class ByteBudgetTest {

    @Test
    void aMessageThatDoesNotFitWaitsForEarlierOnesToBecomeDurable() {
        ByteBudget budget = new ByteBudget(100);
        UniAssertSubscriber<Void> first = budget.acquire(60).subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<Void> second = budget.acquire(60).subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<Void> third = budget.acquire(10).subscribe().withSubscriber(UniAssertSubscriber.create());
        first.assertCompleted();
        second.assertNotTerminated();
        third.assertNotTerminated(); // arrival order: no overtaking of a waiting large message
        budget.release(60);
        second.assertCompleted();
        third.assertCompleted();
        assertThat(budget.inFlight()).isEqualTo(70);
    }

    @Test
    void aMessageLargerThanTheCapGoesAlone() {
        ByteBudget budget = new ByteBudget(100);
        budget.acquire(500).subscribe().withSubscriber(UniAssertSubscriber.create()).assertCompleted();
        UniAssertSubscriber<Void> next = budget.acquire(1).subscribe().withSubscriber(UniAssertSubscriber.create());
        next.assertNotTerminated();
        budget.release(500);
        next.assertCompleted();
    }
}
