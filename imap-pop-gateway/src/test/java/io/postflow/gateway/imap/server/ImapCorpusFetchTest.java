package io.postflow.gateway.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.testkit.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * End to end through the real gateway and mailbox-service: messages of the Dovecot conformance corpus
 * (mailbox-service/src/test/resources/dovecot-corpus, see its README) are APPENDed, and the gateway's
 * answers to {@code FETCH n (ENVELOPE BODYSTRUCTURE)} and {@code FETCH n (BODY)} must be Dovecot's
 * recorded answers. The analyzer's answers are compared field by field with Dovecot's in
 * mailbox-service's DovecotCorpusTest, with its documented differences; this test picks messages whose
 * only difference is the case of media types, parameter names, encodings and disposition types (RFC
 * 2045 §5.1, §6.1, RFC 2183: case-insensitive; we upper-case them, Dovecot does not) and of the implicit
 * charset value, so the whole lines are compared ignoring case. It shows that what APPEND stored, the
 * analysis made of it and what the gateway sends are the same thing, literals and spacing included.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MailboxServiceProcess.class)
class ImapCorpusFetchTest {

    private static final Path CORPUS = Path.of("..", "mailbox-service", "src", "test", "resources", "dovecot-corpus");
    private static final List<String> MESSAGES = List.of("01-simple-text", "03-alternative-qp", "04-mixed-attachments",
            "05-nested-three-levels", "06-forwarded-rfc822", "13-language-location", "17-digest-defaults",
            "27-transport-padding", "30-rfc822-in-rfc822");

    @Inject
    ImapServer server;

    @Test
    void fetchAnswersEqualDovecotsForCorpusMessages() throws Exception {
        try (ImapTestClient c = ImapTestClient.connect(server.port("imap"))) {
            c.run("S: \\* OK .*\n" + ImapTranscriptTest.LOGIN + "C: m1 CREATE Corpus\nS: m1 OK CREATE completed");
            for (int i = 0; i < MESSAGES.size(); i++) {
                byte[] message = Files.readAllBytes(CORPUS.resolve(MESSAGES.get(i) + ".eml"));
                ByteArrayOutputStream command = new ByteArrayOutputStream();
                command.writeBytes(("p" + i + " APPEND Corpus {" + message.length + "+}\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                command.writeBytes(message);
                command.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
                c.sendRaw(command.toByteArray());
                assertThat(c.until("p" + i).get(0)).startsWith("p" + i + " OK [APPENDUID ");
            }
            c.send("s1 SELECT Corpus");
            assertThat(c.until("s1")).last().asString().startsWith("s1 OK");
            for (int i = 0; i < MESSAGES.size(); i++) {
                int number = i + 1;
                List<String> dovecot = Files.readAllLines(CORPUS.resolve(MESSAGES.get(i) + ".fetch"),
                        StandardCharsets.UTF_8).stream()
                        .map(line -> line.replaceFirst("^\\* \\d+ FETCH", "* " + number + " FETCH"))
                        .toList();
                c.send("f" + number + " FETCH " + number + " (ENVELOPE BODYSTRUCTURE)");
                List<String> structure = c.until("f" + number);
                c.send("g" + number + " FETCH " + number + " (BODY)");
                List<String> body = c.until("g" + number);
                assertThat(structure).as(MESSAGES.get(i)).hasSize(2);
                assertThat(structure.get(0)).as("FETCH (ENVELOPE BODYSTRUCTURE) of " + MESSAGES.get(i))
                        .isEqualToIgnoringCase(dovecot.get(0));
                assertThat(body).as(MESSAGES.get(i)).hasSize(2);
                assertThat(body.get(0)).as("FETCH (BODY) of " + MESSAGES.get(i)).isEqualToIgnoringCase(dovecot.get(1));
            }
        }
    }
}
