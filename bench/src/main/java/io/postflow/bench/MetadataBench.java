package io.postflow.bench;

import io.postflow.common.record.Envelope;
import io.postflow.common.record.EnvelopeCodec;
import io.postflow.common.record.MailParameters;
import io.postflow.common.record.Recipient;
import io.postflow.common.record.Topics;
import io.postflow.common.record.TraceIds;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Latency of the internal metadata fetch the IMAP gateway makes for FETCH, on a large mailbox of a
 * running platform. Fills a new account's INBOX with N messages through {@code mail.deliver} (the
 * delivery path, batched like production), then times, over R runs after a warm-up:
 * <ul>
 *   <li>the whole mailbox: {@code uids=1:*&fields=envelope}, following {@code next} page by page
 *       (FLAGS, INTERNALDATE, RFC822.SIZE, MODSEQ and ENVELOPE of every message, what a client's
 *       first synchronisation asks for);</li>
 *   <li>a window of 100 messages in the middle of the mailbox, same items.</li>
 * </ul>
 *
 * <pre>./mailctl bench metadata [--messages 10000] [--size 4096] [--runs 30] [--page 1000]</pre>
 */
public final class MetadataBench {

    private static final Pattern NEXT = Pattern.compile("\"next\":(null|\\d+)");

    private MetadataBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        int messages = options.intValue("messages", 10000);
        int size = options.intValue("size", 4096);
        int runs = options.intValue("runs", 30);
        int page = options.intValue("page", 1000);
        AdminClient admin = AdminClient.fromEnvironment(options);
        InternalClient internal = InternalClient.fromEnvironment(options);

        String domain = "bench-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        String address = "metadata@" + domain;
        admin.createDomain(domain);
        admin.createAccount(address, "bench-password-metadata");

        try (MailboxDatabase db = MailboxDatabase.fromEnvironment(options)) {
            long inbox = db.mailboxId(address, "INBOX");
            double fillSeconds = fill(options, address, messages, size, db, inbox);

            String full = "/messages?uids=1:*&fields=envelope&limit=" + page;
            long windowStart = Math.max(1, messages / 2 - 50);
            String window = "/messages?uids=" + windowStart + ":" + (windowStart + 99) + "&fields=envelope";
            int pages = 0;
            for (int i = 0; i < 3; i++) { // warm-up: JIT, plan cache, buffers
                pages = fetchAll(internal, address, inbox, full, null);
                internal.get(address, inbox, window);
            }
            long[] fullNanos = new long[runs];
            long[] windowNanos = new long[runs];
            long[] sizes = new long[1];
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                fetchAll(internal, address, inbox, full, sizes);
                fullNanos[run] = System.nanoTime() - start;
                start = System.nanoTime();
                internal.get(address, inbox, window);
                windowNanos[run] = System.nanoTime() - start;
            }
            report(messages, size, runs, page, pages, sizes[0] / runs, fillSeconds, fullNanos, windowNanos);
        }
    }

    /** Puts the messages on mail.deliver and waits until the mailbox holds them all. */
    private static double fill(BenchOptions options, String address, int messages, int size, MailboxDatabase db, long inbox)
            throws Exception {
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = DeliveryBench.producer(options.bootstrap())) {
            for (int i = 0; i < messages; i++) {
                Envelope envelope = new Envelope(1, TraceIds.newTraceId(), "bench@remote.test", MailParameters.NONE,
                        List.of(Recipient.of(address)), "127.0.0.1", "bench.local", null, null, Instant.now());
                RecordHeaders headers = new RecordHeaders();
                headers.add(EnvelopeCodec.HEADER, EnvelopeCodec.encode(envelope));
                producer.send(new ProducerRecord<>(Topics.MAIL_DELIVER, null, envelope.traceId(),
                        DeliveryBench.message(i, size), headers));
            }
            producer.flush();
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (db.messageCount(inbox) < messages) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the mailbox holds " + db.messageCount(inbox) + " of " + messages
                        + " messages after 10 minutes");
            }
            Thread.sleep(200);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Follows next from page to page; returns the number of pages and adds the answer bytes to {@code sizes[0]}. */
    private static int fetchAll(InternalClient internal, String address, long inbox, String first, long[] sizes)
            throws Exception {
        String next = first;
        int pages = 0;
        while (next != null) {
            byte[] body = internal.get(address, inbox, next);
            pages++;
            if (sizes != null) {
                sizes[0] += body.length;
            }
            Matcher m = NEXT.matcher(new String(body, body.length - Math.min(body.length, 64), Math.min(body.length, 64),
                    StandardCharsets.US_ASCII));
            if (!m.find()) {
                throw new IllegalStateException("no next in the answer");
            }
            next = m.group(1).equals("null") ? null : first + "&afterUid=" + m.group(1);
        }
        return pages;
    }

    private static void report(int messages, int size, int runs, int page, int pages, long bytes, double fillSeconds,
                               long[] fullNanos, long[] windowNanos) {
        Arrays.sort(fullNanos);
        Arrays.sort(windowNanos);
        Map<String, Object> figures = new HashMap<>();
        figures.put("benchmark", "metadata");
        figures.put("messages", messages);
        figures.put("messageBytes", size);
        figures.put("fillSeconds", DeliveryBench.round(fillSeconds));
        figures.put("deliveriesPerSecond", DeliveryBench.round(messages / fillSeconds));
        figures.put("runs", runs);
        figures.put("pageLimit", page);
        figures.put("pages", pages);
        figures.put("fullAnswerBytes", bytes);
        figures.put("fullMsP50", DeliveryBench.millis(fullNanos, 0.50));
        figures.put("fullMsP99", DeliveryBench.millis(fullNanos, 0.99));
        figures.put("fullMessagesPerSecond", DeliveryBench.round(messages / (DeliveryBench.millis(fullNanos, 0.50) / 1000)));
        figures.put("window100MsP50", DeliveryBench.millis(windowNanos, 0.50));
        figures.put("window100MsP99", DeliveryBench.millis(windowNanos, 0.99));
        List<String> order = new ArrayList<>(List.of("messages", "messageBytes", "fillSeconds", "deliveriesPerSecond", "runs",
                "pageLimit", "pages", "fullAnswerBytes", "fullMsP50", "fullMsP99", "fullMessagesPerSecond", "window100MsP50",
                "window100MsP99"));
        Report.print("internal metadata fetch (uids, flags, internal date, size, modseq, envelope)", figures, order);
    }
}
