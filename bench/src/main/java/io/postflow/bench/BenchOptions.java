package io.postflow.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} options, with the platform's usual environment variables as fallbacks. */
final class BenchOptions {

    private final Map<String, String> values;

    private BenchOptions(Map<String, String> values) {
        this.values = values;
    }

    static BenchOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            values.put(args[i].substring(2), args[++i]);
        }
        return new BenchOptions(values);
    }

    int intValue(String name, int fallback) {
        String value = values.get(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    String text(String name, String environment, String fallback) {
        String value = values.get(name);
        if (value == null && environment != null) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    String bootstrap() {
        return text("bootstrap", "KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
    }
}
