package io.postflow.gateway.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {

    private static TaggedCommand parse(String text) {
        return CommandParser.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void simpleCommandsAnyCase() {
        assertThat(parse("a1 capability")).isEqualTo(new TaggedCommand("a1", new ImapCommand.Capability()));
        assertThat(parse("x NOOP").command()).isInstanceOf(ImapCommand.Noop.class);
        assertThat(parse("x LoGoUt").command()).isInstanceOf(ImapCommand.Logout.class);
    }

    @Test
    void loginWithAtomsQuotedAndLiteral() {
        assertThat(parse("a LOGIN alice \"pa ss\\\"w\\\\\"").command())
                .isEqualTo(new ImapCommand.Login("alice", "pa ss\"w\\"));
        assertThat(parse("a LOGIN {5}\r\nalice {3}\r\nx y").command()).isEqualTo(new ImapCommand.Login("alice", "x y"));
    }

    @Test
    void mailboxNamesAreModifiedUtf7AndInboxIsCaseInsensitive() {
        assertThat(parse("a SELECT inbox").command()).isEqualTo(new ImapCommand.Select("INBOX"));
        assertThat(parse("a CREATE \"Entw&APw-rfe\"").command()).isEqualTo(new ImapCommand.Create("Entwürfe"));
        assertThatThrownBy(() -> parse("a CREATE &Jjo")).isInstanceOf(ImapParseException.class);
    }

    @Test
    void listAndLsubKeepWildcards() {
        assertThat(parse("a LIST \"\" *").command()).isEqualTo(new ImapCommand.ListMailboxes("", "*", false));
        assertThat(parse("a LSUB \"\" Archive/%").command()).isEqualTo(new ImapCommand.ListMailboxes("", "Archive/%", true));
    }

    @Test
    void statusItems() {
        assertThat(parse("a STATUS INBOX (MESSAGES UNSEEN uidnext)").command())
                .isEqualTo(new ImapCommand.Status("INBOX", List.of("MESSAGES", "UNSEEN", "UIDNEXT")));
        assertThatThrownBy(() -> parse("a STATUS INBOX (FOO)")).hasMessageContaining("FOO");
    }

    @Test
    void appendWithFlagsDateAndLiteral() {
        ImapCommand.Append append = (ImapCommand.Append) parse(
                "a APPEND Drafts (\\Draft $Work) \" 7-Feb-1994 21:52:25 -0800\" {5}\r\nHello").command();
        assertThat(append.mailbox()).isEqualTo("Drafts");
        assertThat(append.flags()).containsExactly("\\Draft", "$Work");
        assertThat(append.date().toString()).isEqualTo("1994-02-07T21:52:25-08:00");
        assertThat(new String(append.message(), StandardCharsets.US_ASCII)).isEqualTo("Hello");
        assertThat(((ImapCommand.Append) parse("a APPEND INBOX {2+}\r\nHi").command()).message()).hasSize(2);
    }

    @Test
    void fetchMacrosAndItems() {
        ImapCommand.Fetch all = (ImapCommand.Fetch) parse("a FETCH 1:* ALL").command();
        assertThat(all.items()).hasSize(4);
        ImapCommand.Fetch full = (ImapCommand.Fetch) parse("a FETCH 1 FULL").command();
        assertThat(full.items()).contains(new FetchItem.Structure(false));
        ImapCommand.Fetch uid = (ImapCommand.Fetch) parse("a UID FETCH 4:9 (FLAGS)").command();
        assertThat(uid.uid()).isTrue();
        assertThat(uid.items().get(0)).isEqualTo(new FetchItem.Uid());
    }

    @Test
    void fetchBodySections() {
        ImapCommand.Fetch f = (ImapCommand.Fetch) parse(
                "a FETCH 2 (BODY.PEEK[HEADER.FIELDS (From \"Subject\")] BODY[1.2.MIME] BODY[]<0.100> BODY[3.TEXT] RFC822.HEADER)")
                .command();
        FetchItem.Body header = (FetchItem.Body) f.items().get(0);
        assertThat(header.peek()).isTrue();
        assertThat(header.section().fields()).containsExactly("From", "Subject");
        assertThat(header.responseName()).isEqualTo("BODY[HEADER.FIELDS (\"FROM\" \"SUBJECT\")]");
        FetchItem.Body mime = (FetchItem.Body) f.items().get(1);
        assertThat(mime.section().apiSection()).isEqualTo("1.2.MIME");
        assertThat(mime.responseName()).isEqualTo("BODY[1.2.MIME]");
        FetchItem.Body partial = (FetchItem.Body) f.items().get(2);
        assertThat(partial.section().offset()).isZero();
        assertThat(partial.section().length()).isEqualTo(100);
        assertThat(partial.responseName()).isEqualTo("BODY[]<0>");
        assertThat(((FetchItem.Body) f.items().get(3)).section().apiSection()).isEqualTo("3.TEXT");
        assertThat(((FetchItem.Body) f.items().get(4)).responseName()).isEqualTo("RFC822.HEADER");
    }

    @Test
    void storeForms() {
        assertThat(parse("a STORE 1:3 +FLAGS.SILENT (\\Deleted)").command())
                .isEqualTo(new ImapCommand.Store(false, SequenceSet.parse("1:3"), ImapCommand.StoreMode.ADD, true,
                        List.of("\\Deleted")));
        assertThat(parse("a UID STORE 5 FLAGS \\Seen \\Flagged").command())
                .isEqualTo(new ImapCommand.Store(true, SequenceSet.parse("5"), ImapCommand.StoreMode.REPLACE, false,
                        List.of("\\Seen", "\\Flagged")));
    }

    @Test
    void searchKeys() {
        ImapCommand.Search s = (ImapCommand.Search) parse(
                "a SEARCH CHARSET UTF-8 OR FROM alice (UNSEEN SINCE 1-Feb-1994) NOT LARGER 100 UID 1:5 2,4").command();
        assertThat(s.key()).isInstanceOf(SearchKey.And.class);
        assertThat(((SearchKey.And) s.key()).keys()).hasSize(4);
        assertThatThrownBy(() -> parse("a SEARCH CHARSET KOI8-R ALL"))
                .isInstanceOfSatisfying(ImapParseException.class, e -> assertThat(e.refusal()).isTrue())
                .hasMessageContaining("BADCHARSET");
    }

    @Test
    void copyAndUidExpunge() {
        assertThat(parse("a UID COPY 1:* Trash").command())
                .isEqualTo(new ImapCommand.Copy(true, SequenceSet.parse("1:*"), "Trash"));
        assertThat(parse("a UID EXPUNGE 3:4").command()).isEqualTo(new ImapCommand.Expunge(SequenceSet.parse("3:4")));
    }

    @Test
    void authenticateWithInitialResponse() {
        assertThat(parse("a AUTHENTICATE plain AGFsaWNlAHNlY3JldA==").command())
                .isEqualTo(new ImapCommand.Authenticate("PLAIN", "AGFsaWNlAHNlY3JldA=="));
        assertThat(parse("a AUTHENTICATE PLAIN").command()).isEqualTo(new ImapCommand.Authenticate("PLAIN", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a FETCH", "a FETCH 0 FLAGS", "a FETCH 1:x FLAGS", "a SELECT", "a LOGIN a", "a FOO",
            "a NOOP extra", "a FETCH 1 BODY[1.]", "a STORE 1 FLAGZ (\\Seen)", "a LOGIN \"unterminated",
            "a SEARCH (ALL", "a UID NOOP", "a FETCH 1 (FLAGS"})
    void malformedKeepsTheTag(String line) {
        assertThatThrownBy(() -> parse(line)).isInstanceOfSatisfying(ImapParseException.class,
                e -> assertThat(e.tag()).isEqualTo("a"));
    }

    @Test
    void missingTagIsStar() {
        assertThatThrownBy(() -> parse("")).isInstanceOfSatisfying(ImapParseException.class,
                e -> assertThat(e.tag()).isEqualTo("*"));
        assertThatThrownBy(() -> parse("+x NOOP")).isInstanceOfSatisfying(ImapParseException.class,
                e -> assertThat(e.tag()).isEqualTo("*"));
    }

    @Test
    void searchNestingIsBounded() {
        String deep = "a SEARCH " + "NOT ".repeat(100) + "ALL";
        assertThatThrownBy(() -> parse(deep)).isInstanceOf(ImapParseException.class).hasMessageContaining("deeply");
    }
}
