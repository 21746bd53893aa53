package io.postflow.bench;

import io.postflow.common.record.Envelope;
import io.postflow.common.record.EnvelopeCodec;
import io.postflow.common.record.MailParameters;
import io.postflow.common.record.Recipient;
import io.postflow.common.record.Topics;
import io.postflow.common.record.TraceIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * POP3 gateway benchmark: {@code ./mailctl bench pop3 [options]}. POP3 locks a maildrop to one
 * session (RFC 1939 §8; the gateway answers a second login {@code -ERR [IN-USE]}, RFC 2449 §8.1.2),
 * so every concurrent client has an account of its own: the bench prepares as many accounts as the
 * largest level has clients, each holding the same N messages. For each level (1, 8, 32 clients)
 * every client logs in once (USER/PASS) and the five phases run one after the other, each client
 * looping one command for {@code --seconds} or until the phase's command budget is spent:
 * {@code STAT}, {@code LIST}, {@code UIDL}, {@code RETR n} and {@code TOP n 0} on a random message.
 * It prints commands/s and p50/p99 latency (command written to the last line of its answer read)
 * per level and command, and for RETR messages/s and MB/s (octets after dot-unstuffing, compared
 * with the size LIST gave), as a table and as one JSON line per row. Nothing is deleted: every
 * session ends with QUIT, which leaves the maildrop as it was and frees its lock.
 *
 * <p>Options: {@code --host 127.0.0.1 --port $POSTFLOW_POP3_PORT|1110 --sessions 1,8,32
 * --messages 200 --size 10240 --seconds 5 --max-commands 100000 --prepare platform|none
 * --user U1,U2,... --password P}. {@code platform} (the default) creates a domain and the accounts
 * through the admin API and delivers the messages through {@code mail.deliver} (one record per
 * message listing every account, as relay-worker sends it); {@code none} uses the given accounts as
 * they are (client i logs in as the i-th user, modulo their number), for another POP3 server. All
 * clients come from one address, so the gateway must allow more than its default 20 connections
 * per address for the 32-client level: {@code POSTFLOW_POP3_LIMITS_MAX_CONNECTIONS_PER_ADDRESS=64}.
 */
public final class Pop3Bench {

    private static final List<String> PHASES = List.of("STAT", "LIST", "UIDL", "RETR", "TOP");

    private Pop3Bench() {
    }

    private record Account(String user, String password) {
    }

    /** One logged-in client and the sizes its LIST reported, index 0 for message 1. */
    private record Session(Pop3Client client, long[] sizes) {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        String host = options.text("host", null, "127.0.0.1");
        int port = Integer.parseInt(options.text("port", "POSTFLOW_POP3_PORT", "1110"));
        int messages = options.intValue("messages", 200);
        int size = options.intValue("size", 10 * 1024);
        int seconds = options.intValue("seconds", 5);
        long maxCommands = options.intValue("max-commands", 100_000);
        String prepare = options.text("prepare", null, "platform");
        int[] levels = Arrays.stream(options.text("sessions", null, "1,8,32").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        int accounts = Arrays.stream(levels).max().orElse(1);

        List<Account> prepared = switch (prepare) {
            case "platform" -> platformAccounts(options, host, port, accounts, messages, size);
            case "none" -> givenAccounts(options);
            default -> throw new IllegalArgumentException("--prepare: one of platform, none");
        };
        System.out.printf("POP3 %s:%d, %d accounts (%s ...), each maildrop %d messages of ~%d octets%n", host, port,
                prepared.size(), prepared.get(0).user, stat(host, port, prepared.get(0)), size);

        List<Map<String, Object>> rows = new ArrayList<>();
        for (int sessions : levels) {
            rows.addAll(level(host, port, prepared, sessions, seconds, maxCommands));
        }
        print(rows);
    }

    private static List<Account> givenAccounts(BenchOptions options) {
        String users = options.text("user", null, null);
        String password = options.text("password", null, null);
        if (users == null || password == null) {
            throw new IllegalArgumentException("--prepare none needs --user U1,U2,... and --password");
        }
        return Arrays.stream(users.split(",")).map(u -> new Account(u.trim(), password)).toList();
    }

    /** A new domain with K accounts through the admin API; every INBOX filled through mail.deliver. */
    private static List<Account> platformAccounts(BenchOptions options, String host, int port, int count, int messages,
                                                  int size) throws Exception {
        AdminClient admin = AdminClient.fromEnvironment(options);
        String domain = "pop3-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        admin.createDomain(domain);
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Account account = new Account("pop" + i + "@" + domain, "bench-password-pop3-" + i);
            admin.createAccount(account.user, account.password);
            accounts.add(account);
        }
        List<Recipient> recipients = accounts.stream().map(a -> Recipient.of(a.user)).toList();
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = DeliveryBench.producer(options.bootstrap())) {
            for (int i = 0; i < messages; i++) {
                Envelope envelope = new Envelope(1, TraceIds.newTraceId(), "bench@remote.test", MailParameters.NONE,
                        recipients, "127.0.0.1", "bench.local", null, null, Instant.now());
                RecordHeaders headers = new RecordHeaders();
                headers.add(EnvelopeCodec.HEADER, EnvelopeCodec.encode(envelope));
                producer.send(new ProducerRecord<>(Topics.MAIL_DELIVER, null, envelope.traceId(),
                        message(i, size), headers));
            }
            producer.flush();
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        for (Account account : accounts) {
            int held;
            while ((held = stat(host, port, account)) < messages) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(account.user + " holds " + held + " of " + messages
                            + " after 10 minutes");
                }
                System.out.printf("  preparing: %s holds %d of %d messages%n", account.user, held, messages);
                Thread.sleep(2000);
            }
        }
        System.out.printf("  prepared %d accounts x %d messages in %.1f s%n", count, messages,
                (System.nanoTime() - start) / 1e9);
        return accounts;
    }

    /**
     * The bench message, ending with CRLF (the gateway adds a missing one before the terminating
     * dot, which would make RETR differ from LIST's size) and with a line that starts with a dot, so
     * that the size check also checks the dot-unstuffing.
     */
    private static byte[] message(int i, int size) {
        byte[] text = DeliveryBench.message(i, size);
        int end = text.length;
        if (end >= 2 && text[end - 2] == '\r' && text[end - 1] == '\n') {
            end -= 2;
        }
        byte[] tail = "\r\n.a line that starts with a dot\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] whole = Arrays.copyOf(text, end + tail.length);
        System.arraycopy(tail, 0, whole, end, tail.length);
        return whole;
    }

    private static int stat(String host, int port, Account account) throws IOException {
        try (Pop3Client client = new Pop3Client(host, port)) {
            client.login(account.user, account.password);
            return client.stat();
        }
    }

    /** One concurrency level: each client logs in to its own account, then the phases run in turn. */
    private static List<Map<String, Object>> level(String host, int port, List<Account> accounts, int sessions,
                                                   int seconds, long maxCommands) throws Exception {
        System.out.printf("%d clients: logging in%n", sessions);
        List<Session> open = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        try {
            for (int i = 0; i < sessions; i++) {
                Account account = accounts.get(i % accounts.size());
                Pop3Client client = new Pop3Client(host, port);
                open.add(new Session(client, null));
                client.login(account.user, account.password);
                open.set(i, new Session(client, sizes(client)));
            }
            for (String phase : PHASES) {
                rows.add(phase(open, phase, seconds, maxCommands));
            }
        } finally {
            open.forEach(s -> s.client.close());
        }
        return rows;
    }

    /** The scan listing of LIST ({@code n size} per line, RFC 1939 §5): message n's size at index n - 1. */
    private static long[] sizes(Pop3Client client) throws IOException {
        List<String> scan = new ArrayList<>();
        Pop3Client.require(client.multiLine("LIST", scan).status(), "LIST");
        long[] sizes = new long[scan.size()];
        for (String line : scan) {
            String[] fields = line.split(" ");
            sizes[Integer.parseInt(fields[0]) - 1] = Long.parseLong(fields[1]);
        }
        return sizes;
    }

    private static Map<String, Object> phase(List<Session> sessions, String phase, int seconds, long maxCommands)
            throws InterruptedException {
        long[][] latencies = new long[sessions.size()][];
        int[] counts = new int[sessions.size()];
        AtomicLong budget = new AtomicLong(maxCommands);
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong octets = new AtomicLong();
        AtomicLong mismatches = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(seconds).toNanos();
        CountDownLatch finished = new CountDownLatch(sessions.size());
        for (int s = 0; s < sessions.size(); s++) {
            int index = s;
            Thread thread = new Thread(() -> {
                long[] own = new long[1024];
                int n = 0;
                try {
                    Session session = sessions.get(index);
                    while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
                        int message = 1 + ThreadLocalRandom.current().nextInt(session.sizes.length);
                        long sent = System.nanoTime();
                        String status;
                        switch (phase) {
                            case "STAT" -> status = session.client.command("STAT");
                            case "LIST", "UIDL" -> status = session.client.multiLine(phase).status();
                            case "TOP" -> status = session.client.multiLine("TOP " + message + " 0").status();
                            case "RETR" -> {
                                Pop3Client.Listing body = session.client.multiLine("RETR " + message);
                                status = body.status();
                                if (status.startsWith("+OK")) {
                                    octets.addAndGet(body.octets());
                                    if (body.octets() != session.sizes[message - 1]) {
                                        mismatches.incrementAndGet();
                                    }
                                }
                            }
                            default -> throw new IllegalArgumentException(phase);
                        }
                        long took = System.nanoTime() - sent;
                        if (!status.startsWith("+OK")) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, phase + ": " + status);
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
                    latencies[index] = own;
                    counts[index] = n;
                    finished.countDown();
                }
            }, "pop3-bench-" + phase + "-" + index);
            thread.start();
        }
        while (!finished.await(2, TimeUnit.SECONDS)) {
            System.out.printf("  %-4s %3d clients: %d commands after %.0f s%n", phase, sessions.size(), done.get(),
                    (System.nanoTime() - start) / 1e9);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Map<String, Object> row = Report.commandRow("pop3", sessions.size(), phase, latencies, counts, errors.get(), elapsed);
        if (phase.equals("RETR")) {
            row.put("megabytesPerSecond", DeliveryBench.round(octets.get() / elapsed / 1e6));
            row.put("sizeMismatches", mismatches.get());
        }
        if (firstError.get() != null) {
            System.out.printf("  %s: first error answer: %s%n", phase, firstError.get());
        }
        if (!failures.isEmpty()) {
            row.put("failedSessions", failures.size());
            System.out.printf("  %s: %d clients failed, first: %s%n", phase, failures.size(), failures.get(0));
        }
        System.out.printf("  %-4s %3d clients: %.0f commands/s, p50 %.2f ms, p99 %.2f ms%n", phase, sessions.size(),
                row.get("commandsPerSecond"), row.get("latencyMsP50"), row.get("latencyMsP99"));
        return row;
    }

    private static void print(List<Map<String, Object>> rows) {
        System.out.println();
        System.out.println("POP3 commands (one command at a time per client, one account per client;"
                + " latency = command sent -> end of its answer; RETR/TOP on a random message)");
        System.out.printf("  %7s  %-4s  %8s  %6s  %10s  %9s  %9s  %6s%n", "clients", "cmd", "commands", "errors",
                "commands/s", "p50 ms", "p99 ms", "MB/s");
        for (Map<String, Object> row : rows) {
            Object mb = row.get("megabytesPerSecond");
            System.out.printf(Locale.ROOT, "  %7d  %-4s  %8d  %6d  %10.1f  %9.2f  %9.2f  %6s%n", row.get("sessions"),
                    row.get("command"), row.get("commands"), row.get("errors"), row.get("commandsPerSecond"),
                    row.get("latencyMsP50"), row.get("latencyMsP99"), mb == null ? "" : mb.toString());
        }
        for (Map<String, Object> row : rows) {
            System.out.println(row.entrySet().stream()
                    .map(e -> "\"" + e.getKey() + "\":" + (e.getValue() instanceof Number ? e.getValue()
                            : "\"" + e.getValue() + "\""))
                    .collect(Collectors.joining(",", "{", "}")));
        }
    }
}
