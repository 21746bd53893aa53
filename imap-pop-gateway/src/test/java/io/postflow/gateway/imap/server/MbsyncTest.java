package io.postflow.gateway.imap.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.postflow.testkit.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A full synchronisation with mbsync (isync) over STARTTLS of a mailbox holding 200 varied
 * messages (plain, 8-bit, multipart with base64 attachments, nested message/rfc822, long and
 * folded headers, up to ~200 KiB), compared with what was appended: every message arrives, byte
 * for byte (mbsync writes Maildir files with LF line ends, so the originals are compared with LF).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MailboxServiceProcess.class)
class MbsyncTest {

    private static final int MESSAGES = 200;

    @Inject
    ImapServer server;

    @Test
    void syncs200MessagesByteForByte() throws Exception {
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v mbsync").start().waitFor() == 0, "mbsync (isync) not installed");
        List<byte[]> originals = new ArrayList<>();
        Random random = new Random(6);
        for (int i = 0; i < MESSAGES; i++) {
            originals.add(message(i, random));
        }
        try (ImapTestClient c = ImapTestClient.connect(server.port("imap"))) {
            c.run("S: \\* OK .*\n" + ImapTranscriptTest.LOGIN + "C: m1 CREATE Sync\nS: m1 OK CREATE completed");
            for (int i = 0; i < MESSAGES; i++) {
                byte[] m = originals.get(i);
                ByteArrayOutputStream command = new ByteArrayOutputStream();
                command.writeBytes(("p" + i + " APPEND Sync {" + m.length + "+}\r\n").getBytes(StandardCharsets.US_ASCII));
                command.writeBytes(m);
                command.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
                c.sendRaw(command.toByteArray());
            }
            for (int i = 0; i < MESSAGES; i++) {
                assertThat(c.until("p" + i).get(0)).startsWith("p" + i + " OK [APPENDUID ");
            }
        }
        Path dir = Files.createTempDirectory(Path.of("target"), "mbsync");
        Path cert = Files.list(Path.of("target", "certs")).filter(p -> p.toString().endsWith(".crt")).findFirst().orElseThrow();
        Files.createDirectories(dir.resolve("mail"));
        Path rc = dir.resolve("mbsyncrc");
        Files.writeString(rc, """
                IMAPAccount postflow
                Host localhost
                Port %d
                User %s
                Pass "%s"
                SSLType STARTTLS
                CertificateFile %s
                AuthMechs PLAIN LOGIN

                IMAPStore remote
                Account postflow

                MaildirStore local
                Path %s/mail/
                Inbox %s/mail/INBOX

                Channel sync
                Far :remote:
                Near :local:
                Patterns Sync
                Create Near
                Sync Pull
                SyncState *
                """.formatted(server.port("imap"), MailboxServiceProcess.USER, MailboxServiceProcess.PASSWORD,
                cert.toAbsolutePath(), dir.toAbsolutePath(), dir.toAbsolutePath()));
        Process mbsync = new ProcessBuilder("mbsync", "-c", rc.toString(), "-V", "sync")
                .redirectErrorStream(true).redirectOutput(dir.resolve("mbsync.log").toFile()).start();
        assertThat(mbsync.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(mbsync.exitValue()).as(Files.readString(dir.resolve("mbsync.log"))).isZero();

        // mbsync adds its own X-TUID header line to each Maildir copy (its tracking): dropped here.
        java.util.Set<String> synced = new java.util.HashSet<>();
        try (Stream<Path> files = Files.walk(dir.resolve("mail").resolve("Sync"))) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(p -> p.getParent().getFileName().toString().matches("cur|new")).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                synced.add(sha256(content.replaceFirst("(?m)^X-TUID: [^\\n]*\\n", "")));
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            String lf = new String(originals.get(i), StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
            if (!synced.contains(sha256(lf))) {
                missing.add("m" + i);
            }
        }
        assertThat(synced).hasSize(MESSAGES);
        assertThat(missing).as("messages not synchronised byte for byte").isEmpty();
    }

    private static String sha256(String latin1) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(latin1.getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** Deterministic, structurally varied messages with CRLF line ends. */
    static byte[] message(int i, Random random) {
        StringBuilder m = new StringBuilder();
        m.append("Message-ID: <m").append(i).append("@example.test>\r\n");
        m.append("Date: Mon, 7 Feb 1994 21:52:25 -0800\r\n");
        m.append("From: Sender ").append(i).append(" <s").append(i).append("@example.test>\r\n");
        m.append("To: alice@example.test\r\n");
        switch (i % 5) {
            case 0 -> m.append("Subject: plain ").append(i).append("\r\n\r\n").append(text(random, 1 + random.nextInt(200)));
            case 1 -> m.append("Subject: =?UTF-8?B?w7xuaWNvZGU=?= ").append(i)
                    .append("\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=ISO-8859-1\r\n")
                    .append("Content-Transfer-Encoding: 8bit\r\n\r\nCaf\u00e9 na\u00efve \u00fcber\r\n").append(text(random, 50));
            case 2 -> m.append("Subject: multipart ").append(i).append("\r\nMIME-Version: 1.0\r\n")
                    .append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\npreamble\r\n")
                    .append("--b").append(i).append("\r\nContent-Type: text/plain\r\n\r\n").append(text(random, 20))
                    .append("--b").append(i).append("\r\nContent-Type: application/octet-stream\r\n")
                    .append("Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"f.bin\"\r\n\r\n")
                    .append(base64(random, 1000 + random.nextInt(150_000))).append("--b").append(i).append("--\r\n");
            case 3 -> m.append("Subject: forwarded ").append(i).append("\r\nMIME-Version: 1.0\r\n")
                    .append("Content-Type: multipart/mixed; boundary=outer\r\n\r\n--outer\r\nContent-Type: text/plain\r\n\r\nsee\r\n")
                    .append("--outer\r\nContent-Type: message/rfc822\r\n\r\nFrom: inner@example.test\r\nSubject: inner\r\n")
                    .append("MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=inner\r\n\r\n")
                    .append("--inner\r\nContent-Type: text/plain\r\n\r\nplain\r\n--inner\r\nContent-Type: text/html\r\n\r\n")
                    .append("<p>html</p>\r\n--inner--\r\n--outer--\r\n");
            default -> m.append("Subject: a folded\r\n header line that goes on ").append(i)
                    .append("\r\nX-Long: ").append("x".repeat(900)).append("\r\n\r\n").append("y".repeat(2000)).append("\r\n")
                    .append(text(random, 5));
        }
        return m.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(Random random, int lines) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            out.append("line ").append(i).append(' ').append(Long.toHexString(random.nextLong())).append("\r\n");
        }
        return out.toString();
    }

    private static String base64(Random random, int bytes) {
        byte[] data = new byte[bytes];
        random.nextBytes(data);
        String encoded = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(data);
        return encoded + "\r\n";
    }
}
