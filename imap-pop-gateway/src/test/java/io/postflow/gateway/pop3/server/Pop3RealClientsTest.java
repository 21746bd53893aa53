package io.postflow.gateway.pop3.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.gateway.imap.server.ImapServer;
import io.postflow.testkit.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.junit.jupiter.api.Test;

/**
 * Clients nobody here wrote, against the gateway and the real mailbox-service: Angus Mail's
 * POP3Store over POP3S and STLS (with the UIDL compared to what Angus Mail's IMAPStore shows),
 * python3's poplib, curl, and fetchmail downloading and deleting 100 messages.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(Pop3Platform.class)
class Pop3RealClientsTest {

    @Inject
    Pop3Server server;

    @Inject
    ImapServer imap;

    private static byte[] message(int i, String body) {
        return ("From: Sender <s" + i + "@example.test>\r\nTo: rcpt@example.test\r\nSubject: message " + i
                + "\r\nMessage-ID: <m" + i + "@example.test>\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void angusMailOverPop3sAndStlsWithUidlEqualToImap() throws Exception {
        String account = Pop3Platform.newAccount("angus");
        List<byte[]> sent = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            sent.add(message(i, "line one\r\n.line with a dot\r\nend " + i + "\r\n"));
            Pop3Platform.append(account, sent.get(i - 1));
        }
        Properties props = new Properties();
        props.put("mail.pop3s.ssl.trust", "*");
        props.put("mail.pop3s.ssl.checkserveridentity", "false");
        props.put("mail.pop3s.timeout", "15000");
        Session session = Session.getInstance(props);
        Store store = session.getStore("pop3s");
        store.connect("127.0.0.1", server.port("pop3s"), account, Pop3Platform.PASSWORD);
        List<String> popUids = new ArrayList<>();
        try {
            POP3Folder inbox = (POP3Folder) store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message[] messages = inbox.getMessages();
            assertThat(messages).hasSize(3);
            for (int i = 0; i < 3; i++) {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                messages[i].writeTo(raw);
                assertThat(raw.toByteArray()).isEqualTo(sent.get(i));
                assertThat(messages[i].getSubject()).isEqualTo("message " + (i + 1));
                popUids.add(inbox.getUID(messages[i]));
            }
            messages[0].setFlag(Flags.Flag.DELETED, true);
            inbox.close(true); // QUIT: the UPDATE state removes message 1
        } finally {
            store.close();
        }

        // The same messages through IMAP: UIDVALIDITY.UID is the POP3 unique id.
        Store imapStore = Session.getInstance(new Properties()).getStore("imap");
        imapStore.connect("127.0.0.1", imap.port("imap"), account, Pop3Platform.PASSWORD);
        try {
            Folder folder = imapStore.getFolder("INBOX");
            folder.open(Folder.READ_ONLY);
            UIDFolder uids = (UIDFolder) folder;
            List<String> imapUids = new ArrayList<>();
            for (Message m : folder.getMessages()) {
                imapUids.add(uids.getUIDValidity() + "." + uids.getUID(m));
            }
            assertThat(imapUids).containsExactlyElementsOf(popUids.subList(1, 3));
            folder.close(false);
        } finally {
            imapStore.close();
        }

        // POP3 with STLS required: the unique ids are the same as in the first session.
        Properties stls = new Properties();
        stls.put("mail.pop3.starttls.enable", "true");
        stls.put("mail.pop3.starttls.required", "true");
        stls.put("mail.pop3.ssl.trust", "*");
        stls.put("mail.pop3.ssl.checkserveridentity", "false");
        Store second = Session.getInstance(stls).getStore("pop3");
        second.connect("127.0.0.1", server.port("pop3"), account, Pop3Platform.PASSWORD);
        try {
            POP3Folder inbox = (POP3Folder) second.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isEqualTo(2);
            assertThat(List.of(inbox.getUID(inbox.getMessage(1)), inbox.getUID(inbox.getMessage(2))))
                    .containsExactlyElementsOf(popUids.subList(1, 3));
            inbox.close(false);
        } finally {
            second.close();
        }
    }

    @Test
    void pythonPoplibWithStls() throws Exception {
        String account = Pop3Platform.newAccount("poplib");
        byte[] first = message(1, "hello\r\n..two dots\r\n");
        byte[] secondMessage = message(2, "body line 1\r\nbody line 2\r\n");
        long uid1 = Pop3Platform.append(account, first);
        Pop3Platform.append(account, secondMessage);
        Pop3Platform.append(account, message(3, "third\r\n"));
        long validity = Pop3Platform.uidValidity(account);
        Path script = Path.of("src", "test", "resources", "poplib_session.py");
        Process python = new ProcessBuilder("python3", script.toString(), Integer.toString(server.port("pop3")), account,
                Pop3Platform.PASSWORD).redirectErrorStream(true).start();
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.exitValue()).as(output).isZero();
        assertThat(output).contains("capa AUTH-RESP-CODE EXPIRE IMPLEMENTATION PIPELINING RESP-CODES SASL STLS TOP UIDL USER\n");
        assertThat(output).contains("capa-after-tls AUTH-RESP-CODE EXPIRE IMPLEMENTATION PIPELINING RESP-CODES SASL TOP UIDL USER\n");
        assertThat(output).contains("stat 3 ");
        assertThat(output).contains("uidl1 +OK 1 " + validity + "." + uid1);
        assertThat(output).contains("top From: Sender <s2@example.test>|To: rcpt@example.test|Subject: message 2|"
                + "Message-ID: <m2@example.test>||body line 1\n");
        assertThat(output).contains("retr +OK " + first.length + " octets");
        assertThat(output).contains("|hello|..two dots\n"); // sent stuffed as "...", poplib removes one dot
        assertThat(output).contains("retr-deleted -ERR message 1 already deleted");
        assertThat(output).contains("quit +OK");
        assertThat(Pop3Platform.inboxCount(account)).isEqualTo(2); // RSET undid DELE 1; DELE 2 was applied
    }

    @Test
    void curlListsRetrievesAndDeletes() throws Exception {
        String account = Pop3Platform.newAccount("curl");
        byte[] first = message(1, "curl body\r\n");
        Pop3Platform.append(account, first);
        Pop3Platform.append(account, message(2, "second\r\n"));
        String credentials = account + ":" + Pop3Platform.PASSWORD;
        String pop3 = "pop3://127.0.0.1:" + server.port("pop3") + "/";
        String pop3s = "pop3s://127.0.0.1:" + server.port("pop3s") + "/";

        String list = curl("--ssl-reqd", "-k", "-u", credentials, pop3);
        assertThat(list).isEqualTo("1 " + first.length + "\r\n2 " + message(2, "second\r\n").length + "\r\n");
        assertThat(curl("-k", "-u", credentials, pop3s + "1")).isEqualTo(new String(first, StandardCharsets.UTF_8));
        assertThat(curl("-k", "-u", credentials, "-X", "UIDL", pop3s)).matches("(?s)1 \\d+\\.\\d+\r\n2 \\d+\\.\\d+\r\n");
        curl("-k", "-u", credentials, "-X", "DELE", "-I", pop3s + "1");
        assertThat(Pop3Platform.inboxCount(account)).isEqualTo(1);
    }

    @Test
    void fetchmailDownloadsAndDeletesAHundredMessages() throws Exception {
        String account = Pop3Platform.newAccount("fetchmail");
        Set<String> sent = new HashSet<>();
        for (int i = 1; i <= 100; i++) {
            byte[] m = message(i, ("line of message " + i + "\r\n").repeat(1 + i % 7) + ".dot line\r\n");
            sent.add(new String(m, StandardCharsets.UTF_8));
            Pop3Platform.append(account, m);
        }
        Path dir = Files.createTempDirectory(Path.of("target"), "fetchmail");
        Path out = Files.createDirectories(dir.resolve("out"));
        Path rc = dir.resolve("fetchmailrc");
        Files.writeString(rc, """
                set no syslog
                poll 127.0.0.1 with proto POP3 port %d
                    user "%s" there with password "%s" is root here
                    ssl no sslcertck
                    fetchall
                    mda "/bin/sh -c 'cat > %s/msg.$$'"
                """.formatted(server.port("pop3s"), account, Pop3Platform.PASSWORD, out.toAbsolutePath()));
        Files.setPosixFilePermissions(rc, PosixFilePermissions.fromString("rw-------"));
        ProcessBuilder builder = new ProcessBuilder("fetchmail", "-f", rc.toString(), "--nodetach", "-v",
                "--idfile", dir.resolve("fetchids").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("fetchmail.log").toFile());
        builder.environment().put("FETCHMAILHOME", dir.toAbsolutePath().toString());
        builder.environment().put("HOME", dir.toAbsolutePath().toString());
        Process fetchmail = builder.start();
        assertThat(fetchmail.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("fetchmail.log"));
        assertThat(fetchmail.exitValue()).as(log).isZero();

        Set<String> received = new HashSet<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.toList()) {
                received.add(withoutFetchmailHeader(Files.readString(file)));
            }
        }
        assertThat(received).hasSize(100);
        assertThat(received).isEqualTo(normalised(sent));
        assertThat(Pop3Platform.inboxCount(account)).isZero();
        assertThat(log).contains("100 messages");
    }

    /** fetchmail adds a Received: field on top and hands the MDA LF line ends. */
    private static String withoutFetchmailHeader(String delivered) {
        String text = delivered.replace("\r\n", "\n");
        int from = text.indexOf("From: Sender");
        return text.substring(from);
    }

    private static Set<String> normalised(Set<String> messages) {
        Set<String> out = new HashSet<>();
        for (String m : messages) {
            out.add(m.replace("\r\n", "\n"));
        }
        return out;
    }

    private static String curl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "30"));
        command.addAll(List.of(args));
        Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(curl.exitValue()).as(output).isZero();
        return output;
    }
}
