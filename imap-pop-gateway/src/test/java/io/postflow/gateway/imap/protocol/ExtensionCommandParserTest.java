package io.postflow.gateway.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The extension commands: IDLE, MOVE, UNSELECT, NAMESPACE, ID, ENABLE. */
class ExtensionCommandParserTest {

    private static ImapCommand parse(String text) {
        return CommandParser.parse(text.getBytes(StandardCharsets.UTF_8)).command();
    }

    @Test
    void argumentlessCommands() {
        assertThat(parse("a idle")).isEqualTo(new ImapCommand.Idle());
        assertThat(parse("a UNSELECT")).isEqualTo(new ImapCommand.Unselect());
        assertThat(parse("a Namespace")).isEqualTo(new ImapCommand.Namespace());
        assertThatThrownBy(() -> parse("a IDLE now")).isInstanceOf(ImapParseException.class);
        assertThatThrownBy(() -> parse("a UNSELECT INBOX")).isInstanceOf(ImapParseException.class);
    }

    @Test
    void moveAndUidMove() {
        assertThat(parse("a MOVE 1:3,7 Archive")).isEqualTo(new ImapCommand.Move(false, SequenceSet.parse("1:3,7"), "Archive"));
        ImapCommand uid = parse("a UID move 5:* \"Entw&APw-rfe\"");
        assertThat(uid).isEqualTo(new ImapCommand.Move(true, SequenceSet.parse("5:*"), "Entwürfe"));
        assertThat(uid.isUidForm()).isTrue();
        assertThatThrownBy(() -> parse("a MOVE 1:3")).isInstanceOf(ImapParseException.class);
        assertThatThrownBy(() -> parse("a MOVE x Archive")).isInstanceOf(ImapParseException.class);
    }

    @Test
    void idWithFieldsNilAndLiterals() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "sodr");
        fields.put("version", null);
        fields.put("os", "x y");
        assertThat(parse("a ID (\"Name\" \"sodr\" \"version\" NIL \"os\" {3+}\r\nx y \"NAME\" \"again\")"))
                .isEqualTo(new ImapCommand.Id(fields));
        assertThat(parse("a ID NIL")).isEqualTo(new ImapCommand.Id(Map.of()));
        assertThat(parse("a ID ()")).isEqualTo(new ImapCommand.Id(Map.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a ID", "a ID (\"name\")", "a ID (\"name\" \"x\"", "a ID name", "a ID (name \"x\")",
            "a ID (\"0123456789012345678901234567890\" \"x\")"})
    void badIds(String command) {
        assertThatThrownBy(() -> parse(command)).isInstanceOf(ImapParseException.class);
    }

    @Test
    void idLimitsFollowRfc2971() {
        String value = "v".repeat(1024);
        assertThat(((ImapCommand.Id) parse("a ID (\"f\" \"" + value + "\")")).fields()).containsEntry("f", value);
        assertThatThrownBy(() -> parse("a ID (\"f\" \"" + value + "v\")")).hasMessageContaining("too long");
        StringBuilder pairs = new StringBuilder();
        for (int i = 0; i < 31; i++) {
            pairs.append(i == 0 ? "" : " ").append("\"f").append(i).append("\" NIL");
        }
        assertThatThrownBy(() -> parse("a ID (" + pairs + ")")).hasMessageContaining("more than 30");
    }

    @Test
    void enableListsCapabilitiesUpperCased() {
        assertThat(parse("a ENABLE condstore UTF8=ACCEPT X-Foo")).isEqualTo(
                new ImapCommand.Enable(List.of("CONDSTORE", "UTF8=ACCEPT", "X-FOO")));
        assertThatThrownBy(() -> parse("a ENABLE")).isInstanceOf(ImapParseException.class);
        assertThatThrownBy(() -> parse("a ENABLE ")).isInstanceOf(ImapParseException.class);
        assertThatThrownBy(() -> parse("a ENABLE (CONDSTORE)")).isInstanceOf(ImapParseException.class);
    }
}
