package io.postflow.gateway.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.testkit.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.Test;

/**
 * Clients nobody here wrote, against the gateway and the real mailbox-service: Angus Mail's
 * IMAPStore over implicit TLS, python3's imaplib with STARTTLS, and curl.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MailboxServiceProcess.class)
class ImapRealClientsTest {

    @Inject
    ImapServer server;

    @Test
    void angusMailOverImaps() throws Exception {
        Properties props = new Properties();
        props.put("mail.imaps.ssl.trust", "*");
        props.put("mail.imaps.ssl.checkserveridentity", "false");
        props.put("mail.imaps.timeout", "15000");
        Session session = Session.getInstance(props);
        Store store = session.getStore("imaps");
        store.connect("127.0.0.1", server.port("imaps"), MailboxServiceProcess.USER, MailboxServiceProcess.PASSWORD);
        try {
            List<String> names = Arrays.stream(store.getDefaultFolder().list("*")).map(Folder::getFullName).toList();
            assertThat(names).contains("INBOX", "Sent", "Drafts", "Trash");

            Folder folder = store.getFolder("Angus");
            assertThat(folder.create(Folder.HOLDS_MESSAGES)).isTrue();
            folder.appendMessages(new Message[] {multipart(session), plain(session)});

            folder.open(Folder.READ_WRITE);
            assertThat(folder.getMessageCount()).isEqualTo(2);
            Message[] messages = folder.getMessages();
            FetchProfile profile = new FetchProfile();
            profile.add(FetchProfile.Item.ENVELOPE);
            profile.add(FetchProfile.Item.CONTENT_INFO);
            profile.add(FetchProfile.Item.FLAGS);
            folder.fetch(messages, profile);
            assertThat(messages[0].getSubject()).isEqualTo("Report ünicode");
            assertThat(((InternetAddress) messages[0].getFrom()[0]).getAddress()).isEqualTo("bob@example.test");
            assertThat(messages[0].isMimeType("multipart/mixed")).isTrue();
            Multipart parts = (Multipart) messages[0].getContent();
            assertThat(parts.getCount()).isEqualTo(2);
            assertThat(parts.getBodyPart(0).getContent()).isEqualTo("See the attachment.\r\n");
            BodyPart attachment = parts.getBodyPart(1);
            assertThat(attachment.getFileName()).isEqualTo("data.bin");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            attachment.getInputStream().transferTo(bytes);
            assertThat(bytes.toByteArray()).isEqualTo(attachmentBytes());
            assertThat(messages[1].getContent()).isEqualTo("Just text.\r\n");

            messages[1].setFlag(Flags.Flag.FLAGGED, true);
            assertThat(messages[1].isSet(Flags.Flag.FLAGGED)).isTrue();
            Folder copies = store.getFolder("AngusCopies");
            copies.create(Folder.HOLDS_MESSAGES);
            folder.copyMessages(new Message[] {messages[0]}, copies);
            messages[0].setFlag(Flags.Flag.DELETED, true);
            Message[] expunged = folder.expunge();
            assertThat(expunged).hasSize(1);
            assertThat(folder.getMessageCount()).isEqualTo(1);
            assertThat(((IMAPFolder) folder).getUID(folder.getMessage(1))).isEqualTo(2);
            folder.close(false);
            copies.open(Folder.READ_ONLY);
            assertThat(copies.getMessageCount()).isEqualTo(1);
            assertThat(copies.getMessage(1).getSubject()).isEqualTo("Report ünicode");
            copies.close(false);
        } finally {
            store.close();
        }
    }

    @Test
    void pythonImaplibWithStartTls() throws Exception {
        Path script = Path.of("src", "test", "resources", "imaplib_session.py").toAbsolutePath();
        Process python = new ProcessBuilder("python3", script.toString(), Integer.toString(server.port("imap")),
                MailboxServiceProcess.USER, MailboxServiceProcess.PASSWORD).redirectErrorStream(true).start();
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.exitValue()).as(output).isZero();
        assertThat(output).contains("ok starttls", "ok fetch 68", "ok expunge 1", "ok list special-use",
                "ok getquotaroot INBOX", "ok logout");
    }

    @Test
    void pythonImaplibCondstore() throws Exception {
        Path script = Path.of("src", "test", "resources", "imaplib_condstore.py").toAbsolutePath();
        Process python = new ProcessBuilder("python3", script.toString(), Integer.toString(server.port("imap")),
                MailboxServiceProcess.USER, MailboxServiceProcess.PASSWORD).redirectErrorStream(true).start();
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.exitValue()).as(output).isZero();
        assertThat(output).contains("ok enable", "ok unchangedsince modified 1", "ok changedsince 2 3", "ok status", "ok logout");
    }

    @Test
    void curlListsAndFetches() throws Exception {
        String base = "imap://127.0.0.1:" + server.port("imap");
        String user = MailboxServiceProcess.USER + ":" + MailboxServiceProcess.PASSWORD;
        String list = curl("--url", base + "/", "-u", user);
        assertThat(list).contains("* LIST (\\HasNoChildren) \"/\" INBOX");
        String imaps = curl("-k", "--url", "imaps://127.0.0.1:" + server.port("imaps") + "/", "-u", user);
        assertThat(imaps).contains("Trash");
        Path file = Files.createTempFile("curl-append", ".eml");
        Files.writeString(file, "From: curl@example.test\r\nSubject: via curl\r\n\r\nhi\r\n");
        curl("--url", base + "/Drafts", "-u", user, "-T", file.toString());
        String fetched = curl("--url", base + "/Drafts;UID=1", "-u", user);
        assertThat(fetched).isEqualTo("From: curl@example.test\r\nSubject: via curl\r\n\r\nhi\r\n");
    }

    private static String curl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("curl", "-sS", "--max-time", "30"));
        command.addAll(List.of(args));
        Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(curl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.exitValue()).as(output).isZero();
        return output;
    }

    private static MimeMessage multipart(Session session) throws Exception {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("bob@example.test", "Bob"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(MailboxServiceProcess.USER));
        m.setSubject("Report ünicode", "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("See the attachment.\r\n", "UTF-8");
        MimeBodyPart data = new MimeBodyPart();
        data.setContent(attachmentBytes(), "application/octet-stream");
        data.setFileName("data.bin");
        data.setHeader("Content-Transfer-Encoding", "base64");
        m.setContent(new MimeMultipart(text, data));
        m.saveChanges();
        return m;
    }

    private static MimeMessage plain(Session session) throws Exception {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("carol@example.test"));
        m.setSubject("Plain");
        m.setText("Just text.\r\n");
        m.saveChanges();
        return m;
    }

    private static byte[] attachmentBytes() {
        byte[] bytes = new byte[5000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }
}
