package io.postflow.bench;

import io.postflow.common.record.Envelope;
import io.postflow.common.record.EnvelopeCodec;
import io.postflow.common.record.MailParameters;
import io.postflow.common.record.Recipient;
import io.postflow.common.record.Topics;
import io.postflow.common.record.TraceIds;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * IMAP gateway benchmark: {@code ./mailctl bench imap [options]}. Prepares one account whose INBOX
 * holds N messages, then for each concurrency level opens that many sessions (LOGIN once each, no
 * pipelining) and runs four phases one after the other, every session looping one command for the
 * phase's time or until the phase's command budget is spent:
 * <ul>
 *   <li>{@code select}: {@code SELECT INBOX};</li>
 *   <li>{@code fetch-meta}: {@code FETCH a:a+49 (FLAGS ENVELOPE RFC822.SIZE)}, a random window;</li>
 *   <li>{@code fetch-body}: {@code FETCH n BODY.PEEK[]}, a random message;</li>
 *   <li>{@code search}: {@code SEARCH <criteria>} (default {@code SUBJECT "message 1"}, a text search
 *       that matches about one message in nine).</li>
 * </ul>
 * It prints commands/s and p50/p99 latency (command written to tagged answer read) per level and
 * phase as a table and as one JSON line per row. A benchmark, not a test: it needs a running server.
 *
 * <p>Options: {@code --host 127.0.0.1 --port $POSTFLOW_IMAP_PORT|1143 --sessions 8,32,128
 * --messages 1000 --size 4096 --seconds 10 --max-commands 200000 --search 'SUBJECT "message 1"'
 * --prepare platform|append|none --user U --password P}. {@code platform} (the default) creates a new
 * domain and account through the admin API and delivers the messages through {@code mail.deliver},
 * like {@code bench metadata}; {@code append} logs in as --user and APPENDs until INBOX holds N
 * messages, for another server such as Dovecot; {@code none} uses INBOX as it is.
 */
public final class ImapBench {

    private static final List<String> PHASES = List.of("select", "fetch-meta", "fetch-body", "search");
    private static final Pattern EXISTS = Pattern.compile("^\\* (\\d+) EXISTS", Pattern.CASE_INSENSITIVE);
    private static final int WINDOW = 50;

    private ImapBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        String host = options.text("host", null, "127.0.0.1");
        int port = Integer.parseInt(options.text("port", "POSTFLOW_IMAP_PORT", "1143"));
        int messages = options.intValue("messages", 1000);
        int size = options.intValue("size", 4096);
        int seconds = options.intValue("seconds", 10);
        long maxCommands = options.intValue("max-commands", 200_000);
        String search = options.text("search", null, "SUBJECT \"message 1\"");
        String prepare = options.text("prepare", null, "platform");
        int[] levels = Arrays.stream(options.text("sessions", null, "8,32,128").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();

        Account account = switch (prepare) {
            case "platform" -> platformAccount(options, host, port, messages, size);
            case "append" -> appended(options, host, port, messages, size);
            case "none" -> new Account(options.text("user", null, null), options.text("password", null, null));
            default -> throw new IllegalArgumentException("--prepare: one of platform, append, none");
        };
        int exists = existing(host, port, account);
        if (exists == 0) {
            throw new IllegalStateException("INBOX of " + account.user + " is empty");
        }
        System.out.printf("IMAP %s:%d, account %s, INBOX holds %d messages of ~%d octets%n", host, port, account.user,
                exists, size);

        List<Map<String, Object>> rows = new ArrayList<>();
        for (int sessions : levels) {
            rows.addAll(level(host, port, account, sessions, exists, seconds, maxCommands, search));
        }
        print(rows);
    }

    private record Account(String user, String password) {
    }

    /** A new domain and account through the admin API, its INBOX filled through mail.deliver. */
    private static Account platformAccount(BenchOptions options, String host, int port, int messages, int size)
            throws Exception {
        AdminClient admin = AdminClient.fromEnvironment(options);
        String domain = "bench-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        Account account = new Account("imap@" + domain, "bench-password-imap");
        admin.createDomain(domain);
        admin.createAccount(account.user, account.password);
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = DeliveryBench.producer(options.bootstrap())) {
            for (int i = 0; i < messages; i++) {
                Envelope envelope = new Envelope(1, TraceIds.newTraceId(), "bench@remote.test", MailParameters.NONE,
                        List.of(Recipient.of(account.user)), "127.0.0.1", "bench.local", null, null, Instant.now());
                RecordHeaders headers = new RecordHeaders();
                headers.add(EnvelopeCodec.HEADER, EnvelopeCodec.encode(envelope));
                producer.send(new ProducerRecord<>(Topics.MAIL_DELIVER, null, envelope.traceId(),
                        DeliveryBench.message(i, size), headers));
            }
            producer.flush();
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        int held;
        while ((held = existing(host, port, account)) < messages) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("INBOX holds " + held + " of " + messages + " after 10 minutes");
            }
            System.out.printf("  preparing: %d of %d messages delivered%n", held, messages);
            Thread.sleep(2000);
        }
        System.out.printf("  prepared %d messages in %.1f s%n", messages, (System.nanoTime() - start) / 1e9);
        return account;
    }

    /** --user's INBOX topped up to N messages with APPEND. */
    private static Account appended(BenchOptions options, String host, int port, int messages, int size)
            throws IOException {
        Account account = new Account(options.text("user", null, null), options.text("password", null, null));
        if (account.user == null || account.password == null) {
            throw new IllegalArgumentException("--prepare append needs --user and --password");
        }
        int held = existing(host, port, account);
        try (ImapClient client = new ImapClient(host, port)) {
            client.login(account.user, account.password);
            for (int i = held; i < messages; i++) {
                ImapClient.require(client.append("INBOX", DeliveryBench.message(i, size)), "APPEND");
                if ((i + 1) % 1000 == 0) {
                    System.out.printf("  preparing: %d of %d messages appended%n", i + 1, messages);
                }
            }
        }
        return account;
    }

    /** The number of messages in INBOX (EXISTS of an EXAMINE, which every IMAP4rev1 server answers). */
    private static int existing(String host, int port, Account account) throws IOException {
        try (ImapClient client = new ImapClient(host, port)) {
            client.login(account.user, account.password);
            for (String line : ImapClient.require(client.command("EXAMINE INBOX"), "EXAMINE").untagged()) {
                Matcher m = EXISTS.matcher(line);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
            return 0;
        }
    }

    /** One concurrency level: sessions log in once, then run the phases in turn. */
    private static List<Map<String, Object>> level(String host, int port, Account account, int sessions, int exists,
                                                   int seconds, long maxCommands, String search) throws Exception {
        System.out.printf("%d sessions: logging in%n", sessions);
        List<ImapClient> clients = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        try {
            for (int i = 0; i < sessions; i++) {
                ImapClient client = new ImapClient(host, port);
                clients.add(client);
                client.login(account.user, account.password);
                ImapClient.require(client.command("SELECT INBOX"), "SELECT");
            }
            for (String phase : PHASES) {
                rows.add(phase(clients, phase, exists, seconds, maxCommands, search));
            }
        } finally {
            clients.forEach(ImapClient::close);
        }
        return rows;
    }

    private static Map<String, Object> phase(List<ImapClient> clients, String phase, int exists, int seconds,
                                             long maxCommands, String search) throws InterruptedException {
        long[][] latencies = new long[clients.size()][];
        int[] counts = new int[clients.size()];
        AtomicLong budget = new AtomicLong(maxCommands);
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(seconds).toNanos();
        CountDownLatch finished = new CountDownLatch(clients.size());
        for (int s = 0; s < clients.size(); s++) {
            int session = s;
            Thread thread = new Thread(() -> {
                long[] own = new long[1024];
                int n = 0;
                try {
                    ImapClient client = clients.get(session);
                    while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
                        String command = command(phase, exists, search);
                        long sent = System.nanoTime();
                        ImapClient.Answer answer = client.command(command);
                        long took = System.nanoTime() - sent;
                        if (!answer.ok()) {
                            errors.incrementAndGet();
                            continue;
                        }
                        if (n == own.length) {
                            own = Arrays.copyOf(own, n * 2);
                        }
                        own[n++] = took;
                        done.incrementAndGet();
                    }
                } catch (IOException | RuntimeException e) {
                    synchronized (failures) {
                        failures.add(String.valueOf(e));
                    }
                } finally {
                    latencies[session] = own;
                    counts[session] = n;
                    finished.countDown();
                }
            }, "imap-bench-" + phase + "-" + session);
            thread.start();
        }
        while (!finished.await(2, java.util.concurrent.TimeUnit.SECONDS)) {
            System.out.printf("  %-10s %3d sessions: %d commands after %.0f s%n", phase, clients.size(), done.get(),
                    (System.nanoTime() - start) / 1e9);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Map<String, Object> row = Report.commandRow("imap", clients.size(), phase, latencies, counts, errors.get(), elapsed);
        if (!failures.isEmpty()) {
            row.put("failedSessions", failures.size());
            System.out.printf("  %s: %d sessions failed, first: %s%n", phase, failures.size(), failures.get(0));
        }
        System.out.printf("  %-10s %3d sessions: %.0f commands/s, p50 %.2f ms, p99 %.2f ms%n", phase, clients.size(),
                row.get("commandsPerSecond"), row.get("latencyMsP50"), row.get("latencyMsP99"));
        return row;
    }

    private static String command(String phase, int exists, String search) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return switch (phase) {
            case "select" -> "SELECT INBOX";
            case "fetch-meta" -> {
                int first = 1 + random.nextInt(Math.max(1, exists - WINDOW + 1));
                yield "FETCH " + first + ":" + Math.min(exists, first + WINDOW - 1) + " (FLAGS ENVELOPE RFC822.SIZE)";
            }
            case "fetch-body" -> "FETCH " + (1 + random.nextInt(exists)) + " BODY.PEEK[]";
            case "search" -> "SEARCH " + search;
            default -> throw new IllegalArgumentException(phase);
        };
    }

    private static void print(List<Map<String, Object>> rows) {
        System.out.println();
        System.out.println("IMAP commands (one command at a time per session; latency = command sent -> tagged answer)");
        System.out.printf("  %8s  %-10s  %9s  %6s  %10s  %9s  %9s%n", "sessions", "command", "commands", "errors",
                "commands/s", "p50 ms", "p99 ms");
        for (Map<String, Object> row : rows) {
            System.out.printf(Locale.ROOT, "  %8d  %-10s  %9d  %6d  %10.1f  %9.2f  %9.2f%n", row.get("sessions"),
                    row.get("command"), row.get("commands"), row.get("errors"), row.get("commandsPerSecond"),
                    row.get("latencyMsP50"), row.get("latencyMsP99"));
        }
        for (Map<String, Object> row : rows) {
            System.out.println(row.entrySet().stream()
                    .map(e -> "\"" + e.getKey() + "\":" + (e.getValue() instanceof Number ? e.getValue()
                            : "\"" + e.getValue() + "\""))
                    .collect(Collectors.joining(",", "{", "}")));
        }
    }
}
