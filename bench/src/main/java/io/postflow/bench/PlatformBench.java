package io.postflow.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The platform benchmark, {@code ./mailctl bench platform}: the user's chain measured from outside,
 * with SMTP in and IMAP out, so the same command measures any mail server
 * ({@code --smtp-host/--smtp-port/--imap-host/--imap-port/--user/--password}).
 *
 * <ol>
 *   <li><b>latency</b>: {@code --latency-messages} messages one at a time; for each, the time from
 *       the 250 to the message being visible in the recipient's INBOX (an IMAP session polling
 *       NOOP, which reports EXISTS), p50/p99;</li>
 *   <li><b>burst</b>: {@code --messages} messages from {@code --sessions} SMTP sessions at full
 *       speed: accepted messages/s, final dot → 250 p50/p99, and the time until all of them are
 *       visible in IMAP;</li>
 *   <li><b>fetch</b>: {@code --fetch-sessions} IMAP sessions for {@code --fetch-seconds}, each
 *       looping {@code FETCH a:b (FLAGS RFC822.SIZE ENVELOPE)} over 10-message windows: commands/s
 *       and p50/p99.</li>
 * </ol>
 * Before them, unless {@code --warmup-messages 0}, a warm-up burst ({@code --warmup-messages}, 10,000 by
 * default) and 5 s of the fetch loop run unmeasured: a freshly started JVM service spends its
 * first ten thousand or so messages compiling its hot paths (on two cores the JIT threads take a good
 * share of the CPU), and a mail server is measured as it runs, not as it starts.
 * Against a platform from {@code ./mailctl up} it creates its own domain and account through the
 * admin API. Bounded: every phase has a count and a deadline ({@code --timeout-seconds}).
 */
public final class PlatformBench {

    private final String smtpHost;
    private final int smtpPort;
    private final String imapHost;
    private final int imapPort;
    private final String user;
    private final String password;
    private final byte[] body;
    private final long timeoutNanos;

    private PlatformBench(BenchOptions options, String user, String password) {
        this.smtpHost = options.text("smtp-host", null, "127.0.0.1");
        this.smtpPort = Integer.parseInt(options.text("smtp-port", "POSTFLOW_SMTP_MX_PORT", "2525"));
        this.imapHost = options.text("imap-host", null, "127.0.0.1");
        this.imapPort = Integer.parseInt(options.text("imap-port", "POSTFLOW_IMAP_PORT", "1143"));
        this.user = user;
        this.password = password;
        this.body = SmtpBench.body(options.intValue("size", 10 * 1024));
        this.timeoutNanos = TimeUnit.SECONDS.toNanos(options.intValue("timeout-seconds", 300));
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        String user = options.text("user", null, null);
        String password = options.text("password", null, null);
        if (user == null) {
            password = "bench-" + UUID.randomUUID();
            user = "bench-" + Long.toHexString(System.nanoTime()) + "@platform-bench.test";
            AdminClient admin = AdminClient.fromEnvironment(options);
            admin.createDomainIfAbsent("platform-bench.test");
            admin.createAccount(user, password);
        }
        PlatformBench bench = new PlatformBench(options, user, password);
        bench.awaitRecipient();
        int warmup = options.intValue("warmup-messages", 10_000);
        if (warmup > 0) {
            long began = System.nanoTime();
            bench.burst(warmup, options.intValue("sessions", 8), false);
            bench.fetch(options.intValue("fetch-sessions", 8), 5, false);
            progress("warm-up: %d messages and 5 s of FETCH in %.1f s (not measured)", warmup, (System.nanoTime() - began) / 1e9);
        }
        bench.latency(options.intValue("latency-messages", 200));
        bench.burst(options.intValue("messages", 2000), options.intValue("sessions", 8), true);
        bench.fetch(options.intValue("fetch-sessions", 8), options.intValue("fetch-seconds", 10), true);
    }

    /** A new account is honoured within seconds (CONTRACT); the bench starts once the MX takes it. */
    private void awaitRecipient() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (SmtpConnection smtp = new SmtpConnection(smtpHost, smtpPort)) {
            while (!smtp.accepts(user)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the MX does not accept " + user + " after 30 s");
                }
                Thread.sleep(100);
            }
        }
        progress("recipient %s accepted by the MX", user);
    }

    private void latency(int messages) throws Exception {
        long[] latencies = new long[messages];
        try (SmtpConnection smtp = new SmtpConnection(smtpHost, smtpPort);
             ImapClient imap = imap(imapHost, imapPort, user, password)) {
            ImapClient.require(imap.command("SELECT INBOX"), "SELECT INBOX");
            long deadline = System.nanoTime() + timeoutNanos;
            for (int i = 0; i < messages; i++) {
                int before = imap.exists();
                smtp.send("bench@remote.test", user, body);
                long accepted = System.nanoTime();
                while (imap.exists() <= before) {
                    ImapClient.require(imap.command("NOOP"), "NOOP");
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("message " + i + " not visible before the deadline");
                    }
                }
                latencies[i] = System.nanoTime() - accepted;
                if ((i + 1) % 50 == 0) {
                    progress("latency: %d/%d", i + 1, messages);
                }
            }
        }
        java.util.Arrays.sort(latencies);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("benchmark", "platform.latency");
        figures.put("messages", messages);
        figures.put("messageBytes", body.length);
        figures.put("acceptedToVisibleMsP50", DeliveryBench.millis(latencies, 0.50));
        figures.put("acceptedToVisibleMsP99", DeliveryBench.millis(latencies, 0.99));
        Report.print("250 -> visible in IMAP, one message at a time", figures, List.copyOf(figures.keySet()));
    }

    private void burst(int messages, int sessions, boolean report) throws Exception {
        List<Long> dotTo250 = Collections.synchronizedList(new ArrayList<>(messages));
        AtomicInteger remaining = new AtomicInteger(messages);
        AtomicInteger failed = new AtomicInteger();
        try (ImapClient watcher = imap(imapHost, imapPort, user, password)) {
            ImapClient.require(watcher.command("SELECT INBOX"), "SELECT INBOX");
            int base = watcher.exists();
            ExecutorService pool = Executors.newFixedThreadPool(sessions);
            long start = System.nanoTime();
            List<Future<?>> senders = new ArrayList<>();
            for (int s = 0; s < sessions; s++) {
                senders.add(pool.submit(() -> {
                    try (SmtpConnection smtp = new SmtpConnection(smtpHost, smtpPort)) {
                        while (remaining.getAndDecrement() > 0) {
                            dotTo250.add(smtp.send("bench@remote.test", user, body));
                        }
                    } catch (IOException e) {
                        failed.incrementAndGet();
                        progress("burst: a session failed: %s", e.getMessage());
                    }
                    return null;
                }));
            }
            long acceptedDone = 0;
            int lastReported = -1;
            long deadline = start + timeoutNanos;
            while (true) {
                boolean sending = senders.stream().anyMatch(f -> !f.isDone());
                if (!sending && acceptedDone == 0) {
                    acceptedDone = System.nanoTime();
                }
                int visible = watcher.exists() - base;
                if (!sending && visible >= dotTo250.size()) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    progress("burst: deadline passed with %d of %d visible", visible, dotTo250.size());
                    break;
                }
                if (visible / 250 != lastReported) {
                    lastReported = visible / 250;
                    progress("burst: %d accepted, %d visible", dotTo250.size(), visible);
                }
                ImapClient.require(watcher.command("NOOP"), "NOOP");
                Thread.sleep(1);
            }
            long allVisible = System.nanoTime();
            pool.shutdown();
            if (!report) {
                return;
            }
            long[] sorted = dotTo250.stream().mapToLong(Long::longValue).sorted().toArray();
            double acceptSeconds = (acceptedDone - start) / 1e9;
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("benchmark", "platform.burst");
            figures.put("sessions", sessions);
            figures.put("messages", messages);
            figures.put("messageBytes", body.length);
            figures.put("accepted", sorted.length);
            figures.put("failedSessions", failed.get());
            figures.put("acceptedPerSecond", DeliveryBench.round(sorted.length / acceptSeconds));
            figures.put("dotTo250MsP50", DeliveryBench.millis(sorted, 0.50));
            figures.put("dotTo250MsP99", DeliveryBench.millis(sorted, 0.99));
            figures.put("visible", watcher.exists() - base);
            figures.put("allVisibleSeconds", DeliveryBench.round((allVisible - start) / 1e9));
            Report.print("Burst: " + messages + " messages from " + sessions + " SMTP sessions until all visible in IMAP", figures,
                    List.copyOf(figures.keySet()));
        }
    }

    private void fetch(int sessions, int seconds, boolean report) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        List<Future<?>> done = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            done.add(pool.submit(() -> {
                try (ImapClient imap = imap(imapHost, imapPort, user, password)) {
                    ImapClient.require(imap.command("SELECT INBOX"), "SELECT INBOX");
                    int exists = imap.exists();
                    while (System.nanoTime() < end && exists >= 10) {
                        int first = 1 + ThreadLocalRandom.current().nextInt(exists - 9);
                        long began = System.nanoTime();
                        ImapClient.require(imap.command("FETCH " + first + ":" + (first + 9) + " (FLAGS RFC822.SIZE ENVELOPE)"), "FETCH");
                        latencies.add(System.nanoTime() - began);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        if (!report) {
            return;
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("benchmark", "platform.fetch");
        figures.put("sessions", sessions);
        figures.put("seconds", seconds);
        figures.put("commands", sorted.length);
        figures.put("commandsPerSecond", DeliveryBench.round(sorted.length / (double) seconds));
        figures.put("messagesPerSecond", DeliveryBench.round(sorted.length * 10 / (double) seconds));
        figures.put("commandMsP50", DeliveryBench.millis(sorted, 0.50));
        figures.put("commandMsP99", DeliveryBench.millis(sorted, 0.99));
        Report.print("IMAP FETCH 10-message windows (FLAGS RFC822.SIZE ENVELOPE), " + sessions + " sessions", figures,
                List.copyOf(figures.keySet()));
    }

    /** A logged-in session; LOGIN in the clear, as the gateway allows on loopback by default. */
    private static ImapClient imap(String host, int port, String user, String password) throws IOException {
        ImapClient imap = new ImapClient(host, port);
        imap.login(user, password);
        return imap;
    }

    private static void progress(String format, Object... args) {
        System.err.printf("[platform bench] " + format + "%n", args);
    }
}
