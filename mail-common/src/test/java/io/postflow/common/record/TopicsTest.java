package io.postflow.common.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void namesAreTheContract() {
        assertThat(Topics.all()).containsExactly(
                "mail.accepted", "mail.deliver",
                "mail.retry.1m", "mail.retry.10m", "mail.retry.1h", "mail.retry.6h",
                "mail.status", "mailbox.events", "mail.deadletter", "directory.addresses");
    }

    @Test
    void retryTiersInOrderOfDelay() {
        assertThat(Topics.retryTiers()).containsExactly(
                Topics.MAIL_RETRY_1M, Topics.MAIL_RETRY_10M, Topics.MAIL_RETRY_1H, Topics.MAIL_RETRY_6H);
        assertThat(Topics.all()).containsAll(Topics.retryTiers());
    }
}
