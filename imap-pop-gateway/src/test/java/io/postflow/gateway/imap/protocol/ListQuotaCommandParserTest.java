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

/** Extended LIST (RFC 5258, 6154, 5819) and the QUOTA commands (RFC 9208). */
class ListQuotaCommandParserTest {

    private static ImapCommand parse(String text) {
        return CommandParser.parse(text.getBytes(StandardCharsets.UTF_8)).command();
    }

    @Test
    void plainListKeepsItsForm() {
        assertThat(parse("a LIST \"\" %")).isEqualTo(new ImapCommand.ListMailboxes("", "%", false));
        assertThat(((ImapCommand.ListMailboxes) parse("a LIST \"\" %")).options()).isEqualTo(ListOptions.NONE);
    }

    @Test
    void selectionOptionsPatternsAndReturnOptions() {
        ImapCommand.ListMailboxes list = (ImapCommand.ListMailboxes) parse(
                "a list (subscribed RecursiveMatch REMOTE) Work (% \"A b\" &AOQ-*) return (children STATUS (UNSEEN messages) "
                        + "Special-Use SUBSCRIBED)");
        assertThat(list.reference()).isEqualTo("Work");
        assertThat(list.patterns()).containsExactly("%", "A b", "ä*");
        assertThat(list.options()).isEqualTo(new ListOptions(true, true, true, false, true, true, true,
                List.of("UNSEEN", "MESSAGES")));
        assertThat(list.options().needsSubscriptions()).isTrue();
    }

    @Test
    void specialUseSelectionAndEmptyLists() {
        ImapCommand.ListMailboxes list = (ImapCommand.ListMailboxes) parse("a LIST (SPECIAL-USE) \"\" * RETURN ()");
        assertThat(list.options()).isEqualTo(new ListOptions(false, false, false, true, false, false, false, List.of()));
        assertThat(list.options().selects()).isTrue();
        assertThat(list.options().needsSubscriptions()).isFalse();
        assertThat(((ImapCommand.ListMailboxes) parse("a LIST () \"\" *")).options()).isEqualTo(ListOptions.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a LIST (RECURSIVEMATCH) \"\" *", "a LIST (REMOTE RECURSIVEMATCH) \"\" *", "a LIST (X) \"\" *",
            "a LIST \"\" * RETURN (X)", "a LIST \"\" * RETURN (STATUS (HIGHEST))", "a LIST \"\" * RETURN (STATUS ())",
            "a LIST \"\" * RETURN (STATUS)", "a LIST \"\" ()", "a LIST \"\" (a", "a LIST \"\" * NORETURN ()",
            "a LIST \"\" * RETURN", "a LIST (SUBSCRIBED \"\" *", "a LIST (SUBSCRIBED)  \"\" *", "a LSUB () \"\" *"})
    void malformedListIsBad(String line) {
        assertThatThrownBy(() -> parse(line)).isInstanceOf(ImapParseException.class);
    }

    @Test
    void createWithSpecialUse() {
        assertThat(parse("a CREATE Box")).isEqualTo(new ImapCommand.Create("Box"));
        assertThat(parse("a CREATE Box (USE (\\Sent))")).isEqualTo(new ImapCommand.Create("Box", List.of("\\Sent")));
        assertThat(parse("a CREATE Box (use (\\Sent \\All) USE ())"))
                .isEqualTo(new ImapCommand.Create("Box", List.of("\\Sent", "\\All")));
        assertThat(parse("a CREATE Box ()")).isEqualTo(new ImapCommand.Create("Box", List.of()));
        for (String bad : List.of("a CREATE Box (X (\\Sent))", "a CREATE Box (USE \\Sent)", "a CREATE Box (USE (Sent))",
                "a CREATE Box (USE (\\Sent)", "a CREATE Box USE (\\Sent)")) {
            assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(ImapParseException.class);
        }
    }

    @Test
    void quotaCommands() {
        assertThat(parse("a GETQUOTAROOT inbox")).isEqualTo(new ImapCommand.GetQuotaRoot("INBOX"));
        assertThat(parse("a getquota \"\"")).isEqualTo(new ImapCommand.GetQuota(""));
        Map<String, Long> limits = new LinkedHashMap<>();
        limits.put("STORAGE", 512L);
        limits.put("MESSAGE", 9_000_000_000L);
        assertThat(parse("a SETQUOTA \"\" (storage 512 MESSAGE 9000000000)")).isEqualTo(new ImapCommand.SetQuota("", limits));
        assertThat(parse("a SETQUOTA root ()")).isEqualTo(new ImapCommand.SetQuota("root", Map.of()));
        for (String bad : List.of("a GETQUOTA", "a GETQUOTAROOT", "a SETQUOTA \"\"", "a SETQUOTA \"\" (STORAGE)",
                "a SETQUOTA \"\" (STORAGE -1)", "a GETQUOTA a b")) {
            assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(ImapParseException.class);
        }
    }
}
