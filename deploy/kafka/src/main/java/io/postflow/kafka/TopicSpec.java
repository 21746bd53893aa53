package io.postflow.kafka;

import java.util.Map;

/** One topic of topics.conf, with its placeholders already substituted. */
public record TopicSpec(String name, int partitions, TopicClass topicClass, Map<String, String> configs) {

    /** Whether the topic holds mail that was promised durable (see topics.conf). */
    public enum TopicClass { SPOOL, STATE }

    public TopicSpec {
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + ": partitions must be at least 1");
        }
        configs = Map.copyOf(configs);
    }
}
