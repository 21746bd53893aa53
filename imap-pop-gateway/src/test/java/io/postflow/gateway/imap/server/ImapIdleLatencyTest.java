package io.postflow.gateway.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.common.record.Envelope;
import io.postflow.common.record.EnvelopeCodec;
import io.postflow.common.record.MailParameters;
import io.postflow.common.record.Recipient;
import io.postflow.common.record.Topics;
import io.postflow.common.record.TraceIds;
import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.TestKafka;
import io.postflow.gateway.imap.session.MailboxHints;
import io.postflow.gateway.mailbox.MailboxClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.Test;

/**
 * Angus Mail's {@link IMAPFolder#idle()} on INBOX while messages are delivered the way the relay
 * delivers them: a {@code mail.deliver} record → mailbox-service → {@code mailbox.events} → the
 * gateway's push. Prints the latency from the Kafka send to Angus's MessageCountEvent for each
 * message; only a generous bound is asserted (the target is under one second).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MailboxServiceProcess.class)
class ImapIdleLatencyTest {

    private static final int DELIVERIES = 10;
    private static final long GENEROUS_MILLIS = 10_000;

    @Inject
    ImapServer server;

    @Inject
    MailboxHints hints;

    @Inject
    MailboxClient mailboxes;

    @Test
    void angusIdleSeesKafkaDeliveriesPromptly() throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.timeout", "30000");
        Store store = Session.getInstance(props).getStore("imap");
        store.connect("127.0.0.1", server.port("imap"), MailboxServiceProcess.USER, MailboxServiceProcess.PASSWORD);
        IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
        inbox.addMessageCountListener(new MessageCountAdapter() {
            @Override
            public void messagesAdded(MessageCountEvent e) {
                for (int i = 0; i < e.getMessages().length; i++) {
                    arrivals.add(System.nanoTime());
                }
            }
        });
        // Where the time goes: the moment the gateway's mailbox.events reader sees the change.
        long inboxId = mailboxes.byName(MailboxServiceProcess.USER, "INBOX").toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS).id();
        BlockingQueue<Long> events = new LinkedBlockingQueue<>();
        Runnable unwatch = hints.watch(inboxId, () -> events.add(System.nanoTime()));
        AtomicBoolean stop = new AtomicBoolean();
        Thread idler = new Thread(() -> {
            try {
                while (!stop.get()) {
                    inbox.idle(true); // returns after the first push; IDLE again for the next one
                }
            } catch (Exception e) {
                if (!stop.get()) {
                    throw new IllegalStateException(e);
                }
            }
        }, "angus-idle");
        idler.start();
        List<Long> latencies = new ArrayList<>();
        List<Long> eventLatencies = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < DELIVERIES; i++) {
                Thread.sleep(700); // let Angus re-enter IDLE after the previous push
                events.clear();
                long sent = System.nanoTime();
                producer.send(deliver(i)).get(10, TimeUnit.SECONDS);
                Long arrived = arrivals.poll(GENEROUS_MILLIS, TimeUnit.MILLISECONDS);
                assertThat(arrived).as("IDLE announced delivery %d within %d ms", i, GENEROUS_MILLIS).isNotNull();
                latencies.add(TimeUnit.NANOSECONDS.toMillis(arrived - sent));
                Long event = events.poll(1, TimeUnit.SECONDS);
                eventLatencies.add(event == null ? -1 : TimeUnit.NANOSECONDS.toMillis(event - sent));
            }
        } finally {
            unwatch.run();
            stop.set(true);
            inbox.getMessageCount(); // any command from another thread makes Angus send DONE
            idler.join(10_000);
            store.close();
        }
        System.out.printf("of which mail.deliver send -> mailbox.events record at the gateway: %s ms%n", eventLatencies);
        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf("IDLE latency (mail.deliver send -> Angus Mail MessageCountEvent), %d deliveries: %s ms; "
                + "median %d ms, max %d ms%n", DELIVERIES, latencies, sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        assertThat(latencies).hasSize(DELIVERIES);
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private static ProducerRecord<String, byte[]> deliver(int i) {
        Envelope envelope = new Envelope(1, TraceIds.newTraceId(), "bob@remote.test", MailParameters.NONE,
                List.of(Recipient.of(MailboxServiceProcess.USER)), "192.0.2.1", "client.example", null, null, Instant.now());
        byte[] message = ("From: bob@remote.test\r\nTo: " + MailboxServiceProcess.USER + "\r\nSubject: idle " + i
                + "\r\nMessage-ID: <idle-" + i + "-" + envelope.traceId() + "@remote.test>\r\n\r\nping " + i + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        RecordHeaders headers = new RecordHeaders();
        headers.add(EnvelopeCodec.HEADER, EnvelopeCodec.encode(envelope));
        return new ProducerRecord<>(Topics.MAIL_DELIVER, null, envelope.traceId(), message, headers);
    }
}
