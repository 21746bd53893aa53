package io.postflow.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
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

    /**
     * One row of a per-command benchmark (IMAP, POP3): the latencies each session recorded
     * ({@code latencies[s]}, the first {@code counts[s]} of them) merged, and the rates and
     * quantiles over {@code elapsedSeconds}.
     */
    static Map<String, Object> commandRow(String benchmark, int sessions, String command, long[][] latencies, int[] counts,
                                          long errors, double elapsedSeconds) {
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int s = 0; s < counts.length; s++) {
            System.arraycopy(latencies[s], 0, all, at, counts[s]);
            at += counts[s];
        }
        Arrays.sort(all);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("benchmark", benchmark);
        row.put("sessions", sessions);
        row.put("command", command);
        row.put("commands", all.length);
        row.put("errors", errors);
        row.put("seconds", DeliveryBench.round(elapsedSeconds));
        row.put("commandsPerSecond", DeliveryBench.round(all.length / elapsedSeconds));
        row.put("latencyMsP50", DeliveryBench.millis(all, 0.50));
        row.put("latencyMsP99", DeliveryBench.millis(all, 0.99));
        return row;
    }

    private static String json(Object value) {
        return value instanceof Number || value instanceof Boolean ? value.toString() : "\"" + value + "\"";
    }
}
