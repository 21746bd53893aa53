package io.postflow.gateway.imap.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.gateway.imap.protocol.ListOptions;
import io.postflow.gateway.imap.protocol.MailboxPattern;
import io.postflow.gateway.mailbox.MailboxInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The names an extended LIST answers (RFC 5258 §3, RFC 6154 §3). */
class ListSelectionTest {

    private static MailboxInfo box(String name, String specialUse, boolean subscribed) {
        return new MailboxInfo(name.hashCode(), name, specialUse, subscribed, 1, 1, 1, 0, 0, 0, 0);
    }

    private static final List<MailboxInfo> ALL = List.of(box("INBOX", null, true), box("Sent", "\\Sent", true),
            box("A", null, false), box("A/B/C", null, true), box("Old/Trash", "\\Trash", false));
    private static final List<String> SUBSCRIBED = List.of("A/B/C", "Gone", "INBOX", "Sent");

    private static List<String> lines(List<String> patterns, ListOptions options) {
        return ListSelection.select(ALL, SUBSCRIBED, patterns.stream().map(p -> MailboxPattern.of("", p)).toList(), options)
                .stream().map(e -> e.name() + " " + e.attributes() + (e.childInfo().isEmpty() ? "" : " " + e.childInfo()))
                .toList();
    }

    private static ListOptions options(boolean subscribed, boolean recursive, boolean specialUse, boolean returnSubscribed) {
        return new ListOptions(subscribed, false, recursive, specialUse, returnSubscribed || subscribed, false, false, List.of());
    }

    @Test
    void withoutSelectionEveryMailboxAndLevel() {
        assertThat(lines(List.of("*"), ListOptions.NONE)).containsExactly("A [\\HasChildren]", "A/B [\\Noselect, \\HasChildren]",
                "A/B/C [\\HasNoChildren]", "INBOX [\\HasNoChildren]", "Old [\\Noselect, \\HasChildren]",
                "Old/Trash [\\HasNoChildren, \\Trash]", "Sent [\\HasNoChildren, \\Sent]");
        assertThat(lines(List.of("A/%", "IN*"), options(false, false, false, true)))
                .containsExactly("A/B [\\Noselect, \\HasChildren]", "INBOX [\\HasNoChildren, \\Subscribed]");
    }

    @Test
    void subscribedSelectionListsNamesWithoutMailboxes() {
        assertThat(lines(List.of("*"), options(true, false, false, false))).containsExactly(
                "A/B/C [\\HasNoChildren, \\Subscribed]", "Gone [\\NonExistent, \\Subscribed]",
                "INBOX [\\HasNoChildren, \\Subscribed]", "Sent [\\HasNoChildren, \\Sent, \\Subscribed]");
        assertThat(lines(List.of("%"), options(true, true, false, false))).containsExactly(
                "A [\\HasChildren] [SUBSCRIBED]", "Gone [\\NonExistent, \\Subscribed]",
                "INBOX [\\HasNoChildren, \\Subscribed]", "Sent [\\HasNoChildren, \\Sent, \\Subscribed]");
        assertThat(lines(List.of("A/%"), options(true, true, false, false)))
                .containsExactly("A/B [\\NonExistent] [SUBSCRIBED]");
    }

    @Test
    void specialUseSelectionCombinesWithSubscribed() {
        assertThat(lines(List.of("*"), options(false, false, true, false)))
                .containsExactly("Old/Trash [\\HasNoChildren, \\Trash]", "Sent [\\HasNoChildren, \\Sent]");
        assertThat(lines(List.of("%"), options(false, true, true, false)))
                .containsExactly("Old [\\NonExistent] [SPECIAL-USE]", "Sent [\\HasNoChildren, \\Sent]");
        assertThat(lines(List.of("%"), options(true, true, true, false)))
                .containsExactly("Sent [\\HasNoChildren, \\Sent, \\Subscribed]");
    }
}
