package io.postflow.gateway.imap.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.postflow.gateway.imap.protocol.ImapWriter;
import io.postflow.gateway.imap.protocol.SequenceSet;
import io.postflow.gateway.mailbox.Changes;
import io.postflow.gateway.mailbox.FlagState;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectedViewTest {

    private static SelectedView view() {
        return new SelectedView(7, "INBOX", false, 99, 11, 50, new long[] {2, 4, 6, 8, 10}, 8);
    }

    private static String drain(SelectedView view, boolean expunge) {
        ImapWriter out = new ImapWriter();
        view.drain(expunge, out);
        return new String(out.toBytes(), StandardCharsets.US_ASCII);
    }

    @Test
    void sequenceNumbersMapToUidRanges() {
        SelectedView view = view();
        assertThat(view.uidsOfSequences(SequenceSet.parse("1,3:*"))).isEqualTo("2,6:10");
        assertThat(view.sequenceOf(8)).isEqualTo(4);
        assertThat(view.sequenceOf(9)).isZero();
        assertThatThrownBy(() -> view.uidsOfSequences(SequenceSet.parse("6"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(view.recentCount()).isEqualTo(2);
    }

    @Test
    void uidSetsAreBoundedByTheView() {
        SelectedView view = view();
        assertThat(view.uidsOfUidSet(SequenceSet.parse("1:*"))).isEqualTo("1:10");
        assertThat(view.uidsOfUidSet(SequenceSet.parse("50:*"))).isEqualTo("10");
        assertThat(view.uidsOfUidSet(SequenceSet.parse("50:60"))).isNull();
    }

    @Test
    void expungesWaitUntilAllowedAndExistsNeverShrinksMeanwhile() {
        SelectedView view = view();
        view.apply(new Changes(55, 13, List.of(new FlagState(12, List.of(), 55), new FlagState(6, List.of("\\Seen"), 54)),
                List.of(4L, 8L), null));
        String held = drain(view, false);
        assertThat(held).isEqualTo("* 6 EXISTS\r\n* 3 FETCH (UID 6 FLAGS (\\Seen))\r\n");
        assertThat(view.sequenceOf(8)).isEqualTo(4); // still there until EXPUNGE is said
        String released = drain(view, true);
        assertThat(released).isEqualTo("* 2 EXPUNGE\r\n* 3 EXPUNGE\r\n* 1 RECENT\r\n");
        assertThat(view.exists()).isEqualTo(4);
        assertThat(view.sequenceOf(12)).isEqualTo(4);
        assertThat(view.knownModseq()).isEqualTo(55);
    }

    @Test
    void flagChangesCarryTheirModseqOnceCondstoreIsEnabled() {
        SelectedView view = view();
        view.apply(new Changes(57, 11, List.of(new FlagState(4, List.of("\\Flagged"), 56),
                new FlagState(8, List.of("\\Seen"), 57)), List.of(), null));
        ImapWriter out = new ImapWriter();
        view.drain(true, true, out);
        assertThat(new String(out.toBytes(), StandardCharsets.US_ASCII)).isEqualTo(
                "* 2 FETCH (UID 4 FLAGS (\\Flagged) MODSEQ (56))\r\n* 4 FETCH (UID 8 FLAGS (\\Seen \\Recent) MODSEQ (57))\r\n");
        // A change this session reported already (its own STORE) is not repeated.
        view.flagsReported(4, 58);
        view.apply(new Changes(58, 11, List.of(new FlagState(4, List.of(), 58)), List.of(), null));
        assertThat(drain(view, true)).isEmpty();
    }

    @Test
    void unknownExpungesAndOldChangesAreIgnored() {
        SelectedView view = view();
        view.apply(new Changes(51, 11, List.of(new FlagState(3, List.of(), 51)), List.of(1L, 3L), null));
        assertThat(drain(view, true)).isEmpty();
    }

    @Test
    void newArrivalsThisSessionClaimedAreRecentOthersAreNot() {
        SelectedView view = view();
        // 11 and 12 arrived; this session claimed only 12 (another session got 11 first).
        view.apply(new Changes(53, 13, List.of(new FlagState(11, List.of(), 52), new FlagState(12, List.of(), 53)),
                List.of(), new long[] {12, 12}));
        assertThat(drain(view, true)).isEqualTo("* 7 EXISTS\r\n* 3 RECENT\r\n");
        assertThat(view.recentUids()).containsExactly(8L, 10L, 12L);
        assertThat(view.flags(11, List.of())).isEmpty();
        assertThat(view.flags(12, List.of())).containsExactly("\\Recent");
    }

    @Test
    void recentFlagIsAddedToReportedFlags() {
        SelectedView view = view();
        assertThat(view.flags(10, List.of("\\Seen"))).containsExactly("\\Seen", "\\Recent");
        assertThat(view.flags(2, List.of())).isEmpty();
    }
}
