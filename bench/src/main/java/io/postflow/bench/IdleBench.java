package io.postflow.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * IDLE fan-out benchmark: {@code ./mailctl bench idle [options]}. Opens {@code --sessions} (500)
 * IMAP sessions spread round-robin over {@code --accounts} (5) accounts; each logs in, SELECTs INBOX
 * and IDLEs (RFC 2177). Then {@code --messages} (20) messages go one at a time through SMTP to the
 * MX, round-robin over the accounts, and for every session idling in the recipient's INBOX the bench
 * measures the time from the SMTP 250 to the {@code * n EXISTS} that announces the message arriving
 * on that session (each session's own reader thread stamps it). The next message is sent once every
 * such session was told, or after {@code --timeout-seconds} (30). It prints p50/p99/max of those
 * latencies, p50/p99 of the time until the last session of a mailbox was told, and how many of the
 * expected notifications arrived, as a table and as one JSON line.
 *
 * <p>Options: {@code --imap-host 127.0.0.1 --imap-port $POSTFLOW_IMAP_PORT|1143 --smtp-host 127.0.0.1
 * --smtp-port $POSTFLOW_SMTP_MX_PORT|2525 --sessions 500 --accounts 5 --messages 20 --size 1024
 * --timeout-seconds 30 --connect-threads 16 --prepare platform|none --user U1,U2,... --password P}.
 * {@code platform} (the default) creates a domain and the accounts through the admin API;
 * {@code none} uses the given accounts of another server. 500 sessions from one address over 5
 * users exceed the gateway's defaults (256 per address, 50 per user): start it with
 * {@code POSTFLOW_IMAP_LIMITS_MAX_CONNECTIONS_PER_ADDRESS=600 POSTFLOW_IMAP_LIMITS_MAX_CONNECTIONS_PER_USER=128}.
 * One SMTP session sends, within the ingress's 20 per client.
 */
public final class IdleBench {

    private final String imapHost;
    private final int imapPort;
    private final String smtpHost;
    private final int smtpPort;
    private final long timeoutNanos;

    /** One idling session: its account, the EXISTS it selected with, and when each later count arrived. */
    private static final class Idler {
        final int account;
        final ImapClient client;
        final int base;
        /** Index k: System.nanoTime() when EXISTS reached base + k (0 until then). */
        final AtomicLongArray arrivals;
        volatile Thread reader;
        volatile String failure;

        Idler(int account, ImapClient client, int base, int messages) {
            this.account = account;
            this.client = client;
            this.base = base;
            this.arrivals = new AtomicLongArray(messages + 1);
        }

        /** Reads pushed responses until the tagged end of IDLE, stamping every new EXISTS count. */
        void read() {
            int seen = 0;
            try {
                while (true) {
                    String response = client.idleResponse();
                    long now = System.nanoTime();
                    if (client.isIdleEnd(response)) {
                        return;
                    }
                    int reached = Math.min(client.exists() - base, arrivals.length() - 1);
                    // One EXISTS may announce several messages (RFC 3501 §7.3.1): each is stamped.
                    for (int k = seen + 1; k <= reached; k++) {
                        arrivals.set(k, now);
                    }
                    seen = Math.max(seen, reached);
                }
            } catch (IOException | RuntimeException e) {
                failure = String.valueOf(e);
            }
        }
    }

    private IdleBench(BenchOptions options) {
        this.imapHost = options.text("imap-host", null, "127.0.0.1");
        this.imapPort = Integer.parseInt(options.text("imap-port", "POSTFLOW_IMAP_PORT", "1143"));
        this.smtpHost = options.text("smtp-host", null, "127.0.0.1");
        this.smtpPort = Integer.parseInt(options.text("smtp-port", "POSTFLOW_SMTP_MX_PORT", "2525"));
        this.timeoutNanos = TimeUnit.SECONDS.toNanos(options.intValue("timeout-seconds", 30));
    }

    private record Account(String user, String password) {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        int sessions = options.intValue("sessions", 500);
        int messages = options.intValue("messages", 20);
        int size = options.intValue("size", 1024);
        List<Account> accounts = switch (options.text("prepare", null, "platform")) {
            case "platform" -> platformAccounts(options, options.intValue("accounts", 5));
            case "none" -> givenAccounts(options);
            default -> throw new IllegalArgumentException("--prepare: one of platform, none");
        };
        IdleBench bench = new IdleBench(options);
        bench.awaitRecipients(accounts);
        List<Idler> idlers = bench.open(accounts, sessions, messages, options.intValue("connect-threads", 16));
        try {
            bench.deliver(accounts, idlers, messages, SmtpBench.body(size), size);
        } finally {
            bench.close(idlers);
        }
        System.exit(0);
    }

    private static List<Account> givenAccounts(BenchOptions options) {
        String users = options.text("user", null, null);
        String password = options.text("password", null, null);
        if (users == null || password == null) {
            throw new IllegalArgumentException("--prepare none needs --user U1,U2,... and --password");
        }
        return Arrays.stream(users.split(",")).map(u -> new Account(u.trim(), password)).toList();
    }

    private static List<Account> platformAccounts(BenchOptions options, int count) throws Exception {
        AdminClient admin = AdminClient.fromEnvironment(options);
        String domain = "idle-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        admin.createDomain(domain);
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Account account = new Account("idle" + i + "@" + domain, "bench-password-idle-" + i);
            admin.createAccount(account.user, account.password);
            accounts.add(account);
        }
        return accounts;
    }

    /** A new account is honoured within seconds (CONTRACT); the bench starts once the MX takes all. */
    private void awaitRecipients(List<Account> accounts) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (SmtpConnection smtp = new SmtpConnection(smtpHost, smtpPort)) {
            for (Account account : accounts) {
                while (!smtp.accepts(account.user)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the MX does not accept " + account.user + " after 30 s");
                    }
                    Thread.sleep(100);
                }
            }
        }
        progress("%d recipients accepted by the MX", accounts.size());
    }

    /** Logs the sessions in (a few at a time), SELECTs INBOX, IDLEs, and starts each one's reader. */
    private List<Idler> open(List<Account> accounts, int sessions, int messages, int threads) throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Idler>> opening = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            int index = i % accounts.size();
            Account account = accounts.get(index);
            opening.add(pool.submit(() -> {
                ImapClient client = new ImapClient(imapHost, imapPort);
                try {
                    client.login(account.user, account.password);
                    ImapClient.require(client.command("SELECT INBOX"), "SELECT INBOX");
                    int base = client.exists();
                    client.idle();
                    return new Idler(index, client, base, messages);
                } catch (IOException | RuntimeException e) {
                    client.close();
                    throw e;
                }
            }));
        }
        List<Idler> idlers = new ArrayList<>();
        int failed = 0;
        String firstFailure = null;
        for (Future<Idler> f : opening) {
            try {
                idlers.add(f.get());
            } catch (java.util.concurrent.ExecutionException e) {
                failed++;
                firstFailure = firstFailure == null ? String.valueOf(e.getCause()) : firstFailure;
            }
        }
        pool.shutdown();
        for (Idler idler : idlers) {
            Thread reader = new Thread(null, idler::read, "idle-reader", 256 * 1024);
            reader.setDaemon(true);
            idler.reader = reader;
            reader.start();
        }
        progress("%d sessions idling (%d failed to open%s) after %.1f s", idlers.size(), failed,
                firstFailure == null ? "" : ", first: " + firstFailure, (System.nanoTime() - start) / 1e9);
        if (idlers.isEmpty()) {
            throw new IllegalStateException("no session is idling");
        }
        return idlers;
    }

    /** Messages one at a time; after each 250, waits until every session of the recipient was told. */
    private void deliver(List<Account> accounts, List<Idler> idlers, int messages, byte[] body, int size)
            throws Exception {
        List<Long> latencies = new ArrayList<>();
        List<Long> lastTold = new ArrayList<>();
        int[] sentTo = new int[accounts.size()];
        int expected = 0;
        int missed = 0;
        try (SmtpConnection smtp = new SmtpConnection(smtpHost, smtpPort)) {
            for (int m = 0; m < messages; m++) {
                int account = m % accounts.size();
                int k = ++sentTo[account];
                List<Idler> watching = idlers.stream().filter(i -> i.account == account).toList();
                smtp.send("bench@remote.test", accounts.get(account).user, body);
                long accepted = System.nanoTime();
                long deadline = accepted + timeoutNanos;
                while (System.nanoTime() < deadline
                        && watching.stream().anyMatch(i -> i.arrivals.get(k) == 0 && i.failure == null)) {
                    Thread.sleep(1);
                }
                long last = -1;
                for (Idler idler : watching) {
                    expected++;
                    long at = idler.arrivals.get(k);
                    if (at == 0) {
                        missed++;
                        continue;
                    }
                    // The EXISTS cannot precede the 250 (delivery starts after Kafka took the message),
                    // but its stamp can, by the microseconds between reading the 250 and stamping it.
                    long latency = Math.max(0, at - accepted);
                    latencies.add(latency);
                    last = Math.max(last, latency);
                }
                if (last >= 0) {
                    lastTold.add(last);
                }
                if ((m + 1) % 5 == 0 || m + 1 == messages) {
                    progress("%d/%d messages, %d of %d notifications", m + 1, messages, latencies.size(), expected);
                }
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] lastSorted = lastTold.stream().mapToLong(Long::longValue).sorted().toArray();
        long failedSessions = idlers.stream().filter(i -> i.failure != null).count();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("benchmark", "idle");
        figures.put("sessions", idlers.size());
        figures.put("accounts", accounts.size());
        figures.put("messages", messages);
        figures.put("messageBytes", size);
        figures.put("notificationsExpected", expected);
        figures.put("notified", sorted.length);
        figures.put("missed", missed);
        figures.put("failedSessions", failedSessions);
        figures.put("acceptedToExistsMsP50", DeliveryBench.millis(sorted, 0.50));
        figures.put("acceptedToExistsMsP99", DeliveryBench.millis(sorted, 0.99));
        figures.put("acceptedToExistsMsMax", sorted.length == 0 ? 0 : DeliveryBench.round(sorted[sorted.length - 1] / 1e6));
        figures.put("lastSessionToldMsP50", DeliveryBench.millis(lastSorted, 0.50));
        figures.put("lastSessionToldMsP99", DeliveryBench.millis(lastSorted, 0.99));
        Report.print("IDLE: SMTP 250 -> * n EXISTS on every session idling in the recipient's INBOX, "
                + idlers.size() + " sessions over " + accounts.size() + " accounts", figures, List.copyOf(figures.keySet()));
        idlers.stream().filter(i -> i.failure != null).findFirst()
                .ifPresent(i -> progress("a session failed while idling: %s", i.failure));
    }

    /** DONE on every session, each reader takes the tagged OK, then LOGOUT, a few at a time. */
    private void close(List<Idler> idlers) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        AtomicInteger unclean = new AtomicInteger();
        for (Idler idler : idlers) {
            pool.submit(() -> {
                try {
                    idler.client.done();
                    idler.reader.join(TimeUnit.SECONDS.toMillis(30));
                } catch (IOException | InterruptedException e) {
                    unclean.incrementAndGet();
                }
                idler.client.close();
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        if (unclean.get() > 0) {
            progress("%d sessions could not end IDLE cleanly", unclean.get());
        }
    }

    private static void progress(String format, Object... args) {
        System.err.printf("[idle bench] " + format + "%n", args);
    }
}
