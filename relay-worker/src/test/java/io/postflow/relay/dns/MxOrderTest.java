package io.postflow.relay.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

class MxOrderTest {

    private static MxResolver.MxRecord mx(String host, int preference) throws Exception {
        return new MxResolver.MxRecord(Name.fromString(host + "."), preference);
    }

    @Test
    void sortsByPreferenceAndShufflesOnlyAmongEquals() throws Exception {
        List<MxResolver.MxRecord> records = List.of(mx("c", 30), mx("a1", 10), mx("b", 20), mx("a2", 10), mx("a3", 10));
        Set<List<String>> seen = new HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            List<String> order = MxResolver.ordered(records, new Random(seed)).stream().map(MxResolver.MxHost::name).toList();
            assertThat(order.subList(0, 3)).containsExactlyInAnyOrder("a1", "a2", "a3");
            assertThat(order.subList(3, 5)).containsExactly("b", "c");
            seen.add(order.subList(0, 3));
        }
        // All 6 permutations of the three equal hosts turn up: load spreads (RFC 5321 §5.1).
        assertThat(seen).hasSize(6);
    }
}
