package io.postflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SMTP ingress benchmark: {@code ./mailctl bench smtp [--messages N] [--host H] [--port P]}.
 * For 1, 8 and 32 concurrent sessions and 1 KiB, 10 KiB and 100 KiB messages it sends messages to
 * the MX listener and prints messages/s and the latency from the final dot to the 250, which the
 * ingress gives only once Kafka acknowledged the record (acks=all). The recipient is the bare
 * {@code <Postmaster>}, which every SMTP server accepts (RFC 5321 §4.5.1), so no account is needed.
 * A benchmark, not a test: it needs a running platform ({@code ./mailctl up}). All sessions come
 * from one address, so start the ingress with {@code POSTFLOW_SMTP_LIMITS_MAX_CONNECTIONS_PER_CLIENT=64}
 * (the default 20 answers the 21st connection with 421 4.7.0, as it should).
 */
public final class SmtpBench {

    private static final int[] SESSIONS = {1, 8, 32};
    private static final int[] SIZES = {1024, 10 * 1024, 100 * 1024};

    private SmtpBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        String host = options.text("host", null, "127.0.0.1");
        int port = Integer.parseInt(options.text("port", "POSTFLOW_SMTP_MX_PORT", "2525"));
        int messages = options.intValue("messages", 320);
        boolean complete = true;
        for (int size : SIZES) {
            for (int sessions : SESSIONS) {
                complete &= run(host, port, sessions, size, Math.max(messages, sessions));
            }
        }
        if (!complete) {
            System.exit(1);
        }
    }

    private static boolean run(String host, int port, int sessions, int size, int messages) throws Exception {
        byte[] body = body(size);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger remaining = new AtomicInteger(messages);
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            done.add(pool.submit(() -> {
                session(host, port, body, remaining, latencies);
                return null;
            }));
        }
        String failure = null;
        for (Future<?> f : done) {
            try {
                f.get();
            } catch (Exception e) {
                failure = String.valueOf(e.getCause());
            }
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<String, Object> figures = new HashMap<>();
        figures.put("benchmark", "smtp");
        figures.put("sessions", sessions);
        figures.put("messageBytes", size);
        figures.put("messages", messages);
        figures.put("accepted", sorted.length);
        figures.put("seconds", DeliveryBench.round(seconds));
        figures.put("messagesPerSecond", DeliveryBench.round(sorted.length / seconds));
        figures.put("dotTo250MsP50", DeliveryBench.millis(sorted, 0.50));
        figures.put("dotTo250MsP99", DeliveryBench.millis(sorted, 0.99));
        Report.print("SMTP final dot -> 250 (" + sessions + " sessions, " + size / 1024 + " KiB)" + (failure == null ? "" : " FAILED: " + failure),
                figures, List.of("sessions", "messageBytes", "messages", "accepted", "seconds", "messagesPerSecond",
                        "dotTo250MsP50", "dotTo250MsP99"));
        return failure == null && sorted.length == messages;
    }

    /** One connection sending messages until none remain; one transaction at a time. */
    private static void session(String host, int port, byte[] body, AtomicInteger remaining, List<Long> latencies) throws IOException {
        try (SmtpConnection smtp = new SmtpConnection(host, port)) {
            while (remaining.getAndDecrement() > 0) {
                latencies.add(smtp.send("bench@remote.test", "Postmaster", body));
            }
        }
    }

    /** A plain-text message of {@code size} octets in 78-octet lines, none starting with a dot. */
    static byte[] body(int size) {
        StringBuilder text = new StringBuilder("From: bench@remote.test\r\nTo: postmaster\r\nSubject: smtp bench\r\n\r\n");
        String line = "The quick brown fox jumps over the lazy dog, again and again and again......\r\n";
        while (text.length() + line.length() <= size) {
            text.append(line);
        }
        while (text.length() < size - 2) {
            text.append('x');
        }
        return text.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }
}
