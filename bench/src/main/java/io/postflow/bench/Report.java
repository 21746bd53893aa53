package io.postflow.bench;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints a benchmark's figures as an aligned table, then as one line of JSON for tooling. */
final class Report {

    private Report() {
    }

    static void print(String title, Map<String, Object> figures, List<String> order) {
        System.out.println();
        System.out.println(title);
        int width = order.stream().mapToInt(String::length).max().orElse(10);
        for (String key : order) {
            System.out.printf("  %-" + width + "s  %s%n", key, figures.get(key));
        }
        System.out.println(figures.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + json(e.getValue()))
                .collect(Collectors.joining(",", "{", "}")));
    }

    private static String json(Object value) {
        return value instanceof Number || value instanceof Boolean ? value.toString() : "\"" + value + "\"";
    }
}
