package io.postflow.relay.adapter.kafka;

import io.postflow.common.record.Envelope;
import io.postflow.common.record.EnvelopeCodec;
import io.postflow.common.record.Topics;
import io.postflow.common.status.DeliveryStatus;
import io.postflow.common.status.DeliveryStatusCodec;
import io.postflow.relay.delivery.RelayOutput;
import io.postflow.relay.retry.RetryState;
import io.postflow.relay.retry.RetryStateCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes the relay's records with one idempotent producer ({@code acks=all}): the topics and
 * headers vary per record, which a plain producer expresses directly. Each stage completes on the
 * broker's acknowledgement; {@code send} is only called from the worker threads, never an event loop,
 * because it may block while fetching metadata.
 */
public final class KafkaRelayOutput implements RelayOutput, AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public KafkaRelayOutput(String bootstrapServers, int maxRecordBytes) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "relay-worker-producer");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(maxRecordBytes));
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(Math.max(32L << 20, 2L * maxRecordBytes)));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Loads the metadata of every topic the relay writes, so the first outcome of a fresh instance
     * does not wait for (or time out on) a metadata round trip. Blocking: call off the event loop.
     */
    void warmUp() {
        for (String topic : List.of(Topics.MAIL_DELIVER, Topics.MAIL_ACCEPTED, Topics.MAIL_STATUS, Topics.MAIL_DEADLETTER)) {
            producer.partitionsFor(topic);
        }
        Topics.retryTiers().forEach(producer::partitionsFor);
    }

    @Override
    public CompletionStage<Void> deliverLocal(Envelope envelope, byte[] message) {
        return send(mail(Topics.MAIL_DELIVER, envelope, message));
    }

    @Override
    public CompletionStage<Void> submit(Envelope envelope, byte[] message) {
        return send(mail(Topics.MAIL_ACCEPTED, envelope, message));
    }

    @Override
    public CompletionStage<Void> retry(String tier, Envelope envelope, byte[] message, RetryState state) {
        ProducerRecord<String, byte[]> record = mail(tier, envelope, message);
        record.headers().add(RetryStateCodec.HEADER, RetryStateCodec.encode(state));
        return send(record);
    }

    @Override
    public CompletionStage<Void> statuses(List<DeliveryStatus> statuses) {
        return CompletableFuture.allOf(statuses.stream()
                .map(s -> send(new ProducerRecord<>(Topics.MAIL_STATUS, s.traceId(), DeliveryStatusCodec.encode(s))))
                .toArray(CompletableFuture[]::new));
    }

    /** A mail record as every stage reads it: key = trace id, envelope header, raw bytes as value. */
    static ProducerRecord<String, byte[]> mail(String topic, Envelope envelope, byte[] message) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EnvelopeCodec.HEADER, EnvelopeCodec.encode(envelope));
        headers.add(EnvelopeCodec.TRACE_ID_HEADER, envelope.traceId().getBytes(StandardCharsets.US_ASCII));
        return new ProducerRecord<>(topic, null, envelope.traceId(), message, headers);
    }

    CompletableFuture<Void> send(ProducerRecord<String, byte[]> record) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    acked.completeExceptionally(error);
                } else {
                    acked.complete(null);
                }
            });
        } catch (RuntimeException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
