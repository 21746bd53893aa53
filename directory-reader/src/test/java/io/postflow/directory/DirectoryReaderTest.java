package io.postflow.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.postflow.common.address.MailAddress;
import io.postflow.common.directory.DirectoryCodec;
import io.postflow.common.directory.DirectoryEntry;
import io.postflow.common.directory.DirectoryView;
import io.postflow.common.directory.DirectoryView.Resolution;
import io.postflow.common.record.Topics;
import io.postflow.testkit.TestKafka;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Against the real broker: loads what is on the topic, reports loaded, then follows changes. */
class DirectoryReaderTest {

    @Test
    void loadsTheWholeTopicThenFollowsItsChanges() throws Exception {
        String bootstrap = TestKafka.bootstrapServers();
        String domain = "d" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            send(producer, new DirectoryEntry.LocalDomain(domain));
            send(producer, new DirectoryEntry.Account("bob@" + domain));
            producer.flush();

            DirectoryView view = new DirectoryView();
            try (DirectoryReader reader = new DirectoryReader(bootstrap, view, "test").start()) {
                await().atMost(Duration.ofSeconds(20)).until(view::loaded);
                assertThat(view.resolve(MailAddress.parse("bob@" + domain))).isInstanceOf(Resolution.LocalAccount.class);

                send(producer, new DirectoryEntry.Account("carol@" + domain));
                producer.send(new ProducerRecord<>(Topics.DIRECTORY_ADDRESSES, "bob@" + domain, null)).get();
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    assertThat(view.resolve(MailAddress.parse("carol@" + domain))).isInstanceOf(Resolution.LocalAccount.class);
                    assertThat(view.resolve(MailAddress.parse("bob@" + domain))).isInstanceOf(Resolution.UnknownLocal.class);
                });
            }
        }
    }

    @Test
    void aMalformedRecordIsSkipped() throws Exception {
        String bootstrap = TestKafka.bootstrapServers();
        String domain = "m" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            producer.send(new ProducerRecord<>(Topics.DIRECTORY_ADDRESSES, "junk@" + domain, "not json".getBytes())).get();
            send(producer, new DirectoryEntry.LocalDomain(domain));
            DirectoryView view = new DirectoryView();
            try (DirectoryReader reader = new DirectoryReader(bootstrap, view, "test").start()) {
                await().atMost(Duration.ofSeconds(20)).until(view::loaded);
                assertThat(view.isLocalDomain(domain)).isTrue();
            }
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, DirectoryEntry entry) throws Exception {
        producer.send(new ProducerRecord<>(Topics.DIRECTORY_ADDRESSES, DirectoryCodec.key(entry), DirectoryCodec.encode(entry))).get();
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
