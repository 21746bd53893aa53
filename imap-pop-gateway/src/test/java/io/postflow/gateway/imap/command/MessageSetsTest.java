package io.postflow.gateway.imap.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The compact sets of [MODIFIED] (RFC 7162 §3.1.3). */
class MessageSetsTest {

    @Test
    void runsBecomeRanges() {
        assertThat(MessageSets.compact(List.of(1L, 2L, 3L, 7L, 9L, 10L))).isEqualTo("1:3,7,9:10");
        assertThat(MessageSets.compact(List.of(5L))).isEqualTo("5");
        assertThat(MessageSets.compact(List.of())).isEmpty();
        assertThat(MessageSets.compact(List.of(4294967294L, 4294967295L))).isEqualTo("4294967294:4294967295");
    }
}
