package io.postflow.gateway.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** CONDSTORE (RFC 7162 §3.1) parameters, modifiers, items and keys, and which commands enable it. */
class CondstoreCommandParserTest {

    private static ImapCommand parse(String text) {
        return CommandParser.parse(text.getBytes(StandardCharsets.UTF_8)).command();
    }

    @Test
    void selectAndExamineTakeTheCondstoreParameter() {
        assertThat(parse("a SELECT inbox (condstore)")).isEqualTo(new ImapCommand.Select("INBOX", true));
        assertThat(parse("a EXAMINE Archive (CONDSTORE)")).isEqualTo(new ImapCommand.Examine("Archive", true));
        assertThat(parse("a SELECT inbox")).isEqualTo(new ImapCommand.Select("INBOX", false));
        assertThat(parse("a SELECT inbox (CONDSTORE)").enablesCondstore()).isTrue();
        assertThat(parse("a SELECT inbox").enablesCondstore()).isFalse();
    }

    @Test
    void fetchTakesModseqAndChangedSince() {
        ImapCommand.Fetch fetch = (ImapCommand.Fetch) parse("a FETCH 1:* (FLAGS) (CHANGEDSINCE 12345)");
        assertThat(fetch.changedSince()).isEqualTo(12345L);
        assertThat(fetch.items()).containsExactly(new FetchItem.Flags(), new FetchItem.Modseq()); // implied (§3.1.4.1)
        assertThat(fetch.enablesCondstore()).isTrue();

        ImapCommand.Fetch uid = (ImapCommand.Fetch) parse("a UID FETCH 1:* (FLAGS MODSEQ) (changedsince 9223372036854775807)");
        assertThat(uid.items()).containsExactly(new FetchItem.Uid(), new FetchItem.Flags(), new FetchItem.Modseq());
        assertThat(uid.changedSince()).isEqualTo(Long.MAX_VALUE);

        ImapCommand.Fetch modseq = (ImapCommand.Fetch) parse("a FETCH 2 MODSEQ");
        assertThat(modseq.items()).containsExactly(new FetchItem.Modseq());
        assertThat(modseq.changedSince()).isNull();
        assertThat(modseq.enablesCondstore()).isTrue();
        assertThat(parse("a FETCH 2 FLAGS").enablesCondstore()).isFalse();
    }

    @Test
    void storeTakesUnchangedSinceBeforeTheItem() {
        assertThat(parse("a STORE 1:3 (UNCHANGEDSINCE 0) +FLAGS.SILENT (\\Seen)")).isEqualTo(new ImapCommand.Store(false,
                SequenceSet.parse("1:3"), ImapCommand.StoreMode.ADD, true, List.of("\\Seen"), 0L));
        ImapCommand store = parse("a UID STORE 5 (unchangedsince 320162338) FLAGS (\\Deleted)");
        assertThat(((ImapCommand.Store) store).unchangedSince()).isEqualTo(320162338L);
        assertThat(store.enablesCondstore()).isTrue();
        assertThat(parse("a STORE 1 FLAGS (\\Seen)").enablesCondstore()).isFalse();
    }

    @Test
    void searchTakesModseqWithOrWithoutAnEntry() {
        assertThat(((ImapCommand.Search) parse("a SEARCH MODSEQ 620162338")).key()).isEqualTo(new SearchKey.Modseq(620162338));
        SearchKey entry = ((ImapCommand.Search) parse("a SEARCH MODSEQ \"/flags/\\\\draft\" all 620162338 SEEN")).key();
        assertThat(entry).isEqualTo(new SearchKey.And(List.of(new SearchKey.Modseq(620162338), new SearchKey.Flag("\\Seen", true))));
        assertThat(parse("a SEARCH OR SEEN NOT MODSEQ 0").enablesCondstore()).isTrue();
        assertThat(parse("a SEARCH SEEN").enablesCondstore()).isFalse();
    }

    @Test
    void statusTakesHighestModseq() {
        ImapCommand status = parse("a STATUS inbox (HIGHESTMODSEQ MESSAGES)");
        assertThat(status).isEqualTo(new ImapCommand.Status("INBOX", List.of("HIGHESTMODSEQ", "MESSAGES")));
        assertThat(status.enablesCondstore()).isTrue();
        assertThat(parse("a STATUS inbox (MESSAGES)").enablesCondstore()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a FETCH 1 (FLAGS) (CHANGEDSINCE 0)", // mod-sequence-value is at least 1
        "a FETCH 1 (FLAGS) (CHANGEDSINCE -1)",
        "a FETCH 1 (FLAGS) (CHANGEDSINCE abc)",
        "a FETCH 1 (FLAGS) (CHANGEDSINCE 9223372036854775808)",
        "a FETCH 1 (FLAGS) (CHANGEDSINCE 12345678901234567890)",
        "a FETCH 1 (FLAGS) (CHANGEDSINCE)",
        "a FETCH 1 (FLAGS) (CHANGEDSINCE 5",
        "a FETCH 1 (FLAGS) (VANISHED)",
        "a FETCH 1 (FLAGS) CHANGEDSINCE 5",
        "a STORE 1 (UNCHANGEDSINCE -1) +FLAGS (\\Seen)",
        "a STORE 1 (UNCHANGEDSINCE) +FLAGS (\\Seen)",
        "a STORE 1 (UNCHANGEDSINCE 5)+FLAGS (\\Seen)",
        "a STORE 1 (NOTACHANCE 5) +FLAGS (\\Seen)",
        "a SEARCH MODSEQ",
        "a SEARCH MODSEQ x",
        "a SEARCH MODSEQ \"/flags/\\\\seen\" sometimes 5",
        "a SEARCH MODSEQ \"/other/x\" all 5",
        "a SEARCH MODSEQ \"/flags/\\\\seen\" all",
        "a SELECT inbox (QRESYNC)",
        "a SELECT inbox ()",
        "a EXAMINE inbox (CONDSTORE",
        "a STATUS inbox (HIGHESTMODSEQ X)"})
    void badCondstoreSyntaxIsRefused(String command) {
        assertThatThrownBy(() -> parse(command)).isInstanceOf(ImapParseException.class);
    }
}
