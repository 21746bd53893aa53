package io.postflow.gateway.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SequenceSetTest {

    @Test
    void rangesStarAndReversedRanges() {
        SequenceSet set = SequenceSet.parse("1,3:5,*,9:7");
        assertThat(set.text()).isEqualTo("1,3:5,*,9:7");
        assertThat(set.contains(4, 20)).isTrue();
        assertThat(set.contains(2, 20)).isFalse();
        assertThat(set.contains(20, 20)).isTrue();
        assertThat(set.contains(8, 20)).isTrue();
        assertThat(SequenceSet.parse("5:*").ranges().get(0).low(3)).isEqualTo(3);
    }

    @Test
    void refusesZeroEmptyAndGarbage() {
        for (String bad : new String[] {"0", "", "1,", ":3", "1:", "a", "1::2", "4294967296"}) {
            assertThatThrownBy(() -> SequenceSet.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
