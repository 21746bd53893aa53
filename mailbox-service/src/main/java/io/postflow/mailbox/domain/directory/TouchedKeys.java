package io.postflow.mailbox.domain.directory;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The directory keys one transaction changed, in the order they were touched, and the outbox rows
 * that record them. Used by a single reactive pipeline, one step at a time.
 */
public final class TouchedKeys {

    private final Set<String> keys = new LinkedHashSet<>();
    private List<Long> outboxIds = List.of();

    public TouchedKeys touch(String... touched) {
        keys.addAll(List.of(touched));
        return this;
    }

    public TouchedKeys touchAll(Collection<String> touched) {
        keys.addAll(touched);
        return this;
    }

    public List<String> keys() {
        return List.copyOf(keys);
    }

    List<Long> outboxIds() {
        return outboxIds;
    }

    void recorded(List<Long> ids) {
        outboxIds = List.copyOf(ids);
    }
}
