package io.postflow.common.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TraceIdsTest {

    @Test
    void isTwentyTwoUrlSafeCharacters() {
        for (int i = 0; i < 1000; i++) {
            assertThat(TraceIds.newTraceId()).hasSize(22).matches("[A-Za-z0-9_-]{22}");
        }
    }

    @Test
    void isUniqueAcrossThreads() {
        Set<String> ids = Collections.newSetFromMap(new ConcurrentHashMap<>());
        IntStream.range(0, 200_000).parallel().forEach(i -> ids.add(TraceIds.newTraceId()));
        assertThat(ids).hasSize(200_000);
    }

    @Test
    void idsOfOneProcessShareNoVisiblePrefix() {
        Set<String> prefixes = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            prefixes.add(TraceIds.newTraceId().substring(0, 4));
        }
        assertThat(prefixes).hasSizeGreaterThan(90);
    }
}
