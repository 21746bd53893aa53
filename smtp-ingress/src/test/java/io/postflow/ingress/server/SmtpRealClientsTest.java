package io.postflow.ingress.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.postflow.common.address.MailAddress;
import io.postflow.common.directory.DirectoryCodec;
import io.postflow.common.directory.DirectoryEntry;
import io.postflow.common.directory.DirectoryView;
import io.postflow.common.record.Envelope;
import io.postflow.common.record.EnvelopeCodec;
import io.postflow.common.record.Topics;
import io.postflow.ingress.session.ListenerKind;
import io.postflow.testkit.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.activation.DataHandler;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real clients nobody here wrote, over real sockets, into the real broker: Angus Mail (Jakarta
 * Mail) with STARTTLS and AUTH on submission and with implicit TLS and BDAT on SMTPS, python3's
 * smtplib on the MX port. Each message must arrive on {@code mail.accepted} byte for byte after
 * the added trace fields. The directory comes from records this test puts on the topic.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(IngressTestResource.class)
class SmtpRealClientsTest {

    private static final Pattern QUEUED = Pattern.compile("250 2\\.0\\.0 Ok: queued as ([A-Za-z0-9_-]{22})");

    @Inject
    SmtpServer server;

    @Inject
    DirectoryView directory;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaCompanion companion;

    @BeforeEach
    void directoryOnTheTopic() {
        companion = new KafkaCompanion(bootstrapServers);
        companion.produce(String.class, byte[].class).fromRecords(
                record(new DirectoryEntry.LocalDomain("example.test")),
                record(new DirectoryEntry.Account("alice@example.test")),
                record(new DirectoryEntry.Account("bob@example.test"))).awaitCompletion(Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.loaded()
                && directory.resolve(MailAddress.parse("bob@example.test")) instanceof DirectoryView.Resolution.LocalAccount);
    }

    @AfterEach
    void close() {
        companion.close();
    }

    private static ProducerRecord<String, byte[]> record(DirectoryEntry entry) {
        return new ProducerRecord<>(Topics.DIRECTORY_ADDRESSES, DirectoryCodec.key(entry), DirectoryCodec.encode(entry));
    }

    @Test
    void angusMailWithStartTlsAndAuthOnSubmission() throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(server.port(ListenerKind.SUBMISSION)));
        props.put("mail.smtp.starttls.enable", "true");
        props.put("mail.smtp.starttls.required", "true");
        props.put("mail.smtp.auth", "true");
        props.put("mail.smtp.ssl.trust", "*");
        props.put("mail.smtp.ssl.checkserveridentity", "false"); // a self-signed test certificate
        MimeMessage message = messageWithAttachment(session(props), 300_000, "Hallo Bob,\r\nanbei die Datei.\r\n.\r\nEnde\r\n");
        byte[] sent = bytes(message);
        ConsumerRecord<String, byte[]> record = send(message, props, "smtp");
        assertArrivedExactly(record, sent);
        Envelope envelope = envelope(record);
        assertThat(envelope.authenticatedUser()).isEqualTo(IngressTestResource.USER);
        assertThat(envelope.tls().protocol()).startsWith("TLSv1.");
        assertThat(new String(record.value(), 0, 300, StandardCharsets.UTF_8)).contains("with ESMTPSA (TLSv1.");
    }

    @Test
    void angusMailWithImplicitTlsAndChunkingOnSmtps() throws Exception {
        Properties props = new Properties();
        props.put("mail.smtps.host", "127.0.0.1");
        props.put("mail.smtps.port", String.valueOf(server.port(ListenerKind.SMTPS)));
        props.put("mail.smtps.auth", "true");
        props.put("mail.smtps.ssl.trust", "*");
        props.put("mail.smtps.ssl.checkserveridentity", "false");
        props.put("mail.smtps.chunksize", "65536"); // BDAT (RFC 3030) in 64 KiB chunks
        // No line starts with a dot: Angus dot-stuffs BDAT chunks too, which RFC 3030 §2 does not
        // do, so such a line would legitimately arrive doubled.
        MimeMessage message = messageWithAttachment(session(props), 200_000, "Hallo Bob,\r\nanbei die Datei.\r\n");
        byte[] sent = bytes(message);
        ConsumerRecord<String, byte[]> record = send(message, props, "smtps");
        assertArrivedExactly(record, sent);
        assertThat(envelope(record).recipients()).extracting(r -> r.address()).containsExactly("bob@example.test");
    }

    @Test
    void pythonSmtplibDeliversEightBitTextAndLongLinesToTheMx() throws Exception {
        String text = "From: Jörg <joerg@remote.example>\r\nTo: alice@example.test\r\nSubject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "Grüße aus Köln — 🙂\r\n" + "y".repeat(998) + "\r\n.leading dot\r\n..two\r\n.\r\nend\r\n";
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<String, byte[]> record = python(message, server.port(ListenerKind.MX));
        assertArrivedExactly(record, message);
        assertThat(envelope(record).mailParameters().body()).isEqualTo("8BITMIME");
    }

    @Test
    void pythonSmtplibDeliversAMessageOverTenMebibytes() throws Exception {
        byte[] binary = new byte[8 * 1024 * 1024];
        new Random(42).nextBytes(binary);
        String base64 = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(binary);
        byte[] message = ("From: sender@remote.example\r\nTo: alice@example.test\r\nSubject: big\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b1\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\nsee attachment\r\n"
                + "--b1\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64
                + "\r\n--b1--\r\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(message.length).isGreaterThan(10 * 1024 * 1024);
        assertArrivedExactly(python(message, server.port(ListenerKind.MX)), message);
    }

    @Test
    void swaksPipeliningToTheMx() throws Exception {
        // swaks ends the data with its own CRLF before the dot, so the text is given without one.
        String text = "From: swaks@remote.example\r\nTo: bob@example.test\r\nSubject: pipelined\r\n\r\n"
                + "sent with PIPELINING\r\n.dot line";
        Process process = new ProcessBuilder("swaks", "--server", "127.0.0.1", "--port", String.valueOf(server.port(ListenerKind.MX)),
                "--helo", "swaks.client.example", "--from", "swaks@remote.example", "--to", "bob@example.test",
                "--pipeline", "--data", "-").redirectErrorStream(true).start();
        process.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("PIPELINING"); // swaks saw the keyword and pipelined MAIL, RCPT, DATA
        assertArrivedExactly(recordFor(output), (text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static Session session(Properties props) {
        return Session.getInstance(props, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(IngressTestResource.USER, IngressTestResource.PASSWORD);
            }
        });
    }

    /** {@code body} with CRLF line ends: the client sends CRLF whatever the part holds. */
    private static MimeMessage messageWithAttachment(Session session, int attachmentSize, String body) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(IngressTestResource.USER));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("bob@example.test"));
        message.setSubject("Grüße mit Anhang", "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(body, "UTF-8");
        byte[] binary = new byte[attachmentSize];
        new Random(7).nextBytes(binary);
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(binary, "application/octet-stream")));
        attachment.setFileName("data.bin");
        attachment.setHeader("Content-Transfer-Encoding", "base64");
        message.setContent(new MimeMultipart(text, attachment));
        message.saveChanges();
        return message;
    }

    private static byte[] bytes(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private ConsumerRecord<String, byte[]> send(MimeMessage message, Properties props, String protocol) throws Exception {
        try (SMTPTransport transport = (SMTPTransport) session(props).getTransport(protocol)) {
            transport.connect();
            transport.sendMessage(message, message.getAllRecipients());
            return recordFor(transport.getLastServerResponse());
        }
    }

    private ConsumerRecord<String, byte[]> python(byte[] message, int port) throws Exception {
        Path file = Files.createTempFile("smtplib-", ".eml");
        Path script = Files.createTempFile("send_smtplib", ".py");
        try (InputStream source = getClass().getResourceAsStream("/send_smtplib.py")) {
            Files.write(script, source.readAllBytes());
        }
        Files.write(file, message);
        try {
            Process process = new ProcessBuilder("python3", script.toString(), "127.0.0.1", String.valueOf(port), file.toString(),
                    "sender@remote.example", "alice@example.test").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            return recordFor(output);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(script);
        }
    }

    /** The record whose key is the trace id the server named in its 250. */
    private ConsumerRecord<String, byte[]> recordFor(String reply) throws IOException {
        Matcher queued = QUEUED.matcher(reply);
        assertThat(queued.find()).as("reply %s", reply).isTrue();
        String traceId = queued.group(1);
        ConsumerTask<String, byte[]> task = companion.consume(String.class, byte[].class).fromTopics(Topics.MAIL_ACCEPTED);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> task.getRecords().stream().anyMatch(r -> traceId.equals(r.key())));
            return task.getRecords().stream().filter(r -> traceId.equals(r.key())).findFirst().orElseThrow();
        } finally {
            task.close();
        }
    }

    private static Envelope envelope(ConsumerRecord<String, byte[]> record) {
        return EnvelopeCodec.decode(record.headers().lastHeader(EnvelopeCodec.HEADER).value());
    }

    /** The value is one Received field, then exactly the bytes the client sent. */
    private static void assertArrivedExactly(ConsumerRecord<String, byte[]> record, byte[] sent) {
        byte[] value = record.value();
        String head = new String(value, 0, Math.min(value.length, 2000), StandardCharsets.ISO_8859_1);
        assertThat(head).startsWith("Received: from ");
        int prefix = head.indexOf("\r\n");
        while (head.charAt(prefix + 2) == '\t') { // folded continuation lines of the same field
            prefix = head.indexOf("\r\n", prefix + 2);
        }
        prefix += 2;
        int mismatch = Arrays.mismatch(value, prefix, value.length, sent, 0, sent.length);
        assertThat(mismatch).as("first changed byte (sent %d, received %d after the trace field): %s", sent.length,
                value.length - prefix, mismatch < 0 ? "" : new String(value, prefix + Math.max(0, mismatch - 80),
                        Math.min(160, value.length - prefix - Math.max(0, mismatch - 80)), StandardCharsets.ISO_8859_1)
                        + " | sent: " + new String(sent, Math.max(0, mismatch - 80), Math.min(160, sent.length - Math.max(0, mismatch - 80)),
                        StandardCharsets.ISO_8859_1)).isEqualTo(-1);
    }
}
