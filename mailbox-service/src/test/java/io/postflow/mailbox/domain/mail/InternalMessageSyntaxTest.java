package io.postflow.mailbox.domain.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.postflow.mailbox.domain.mail.UidSet.Range;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The small grammars of the internal message API: UID sets, sections, flags, keywords, dates, fields. */
class InternalMessageSyntaxTest {

    @Test
    void uidSetsBecomeSortedMergedRangesWithStarKeptApart() {
        UidSet set = UidSet.parse("9:6,1,3:4,5,20");
        assertThat(set.ranges()).containsExactly(new Range(1, 1), new Range(3, 9), new Range(20, 20));
        assertThat(set.starFrom()).isNull();
        assertThat(set.firsts()).containsExactly(1L, 3L, 20L);
        assertThat(set.lasts()).containsExactly(1L, 9L, 20L);

        assertThat(UidSet.parse("1:*")).isEqualTo(UidSet.all());
        assertThat(UidSet.parse("*").starFrom()).isEqualTo(UidSet.MAX_UID);
        assertThat(UidSet.parse("*:*").starFrom()).isEqualTo(UidSet.MAX_UID);
        UidSet mixed = UidSet.parse("600:*,4,*:300");
        assertThat(mixed.starFrom()).isEqualTo(300); // "*:300" is "300:*" (RFC 3501 §9)
        assertThat(mixed.ranges()).containsExactly(new Range(4, 4));
        assertThat(UidSet.parse("4294967295").ranges()).containsExactly(new Range(UidSet.MAX_UID, UidSet.MAX_UID));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "1:0", "01", "1,", ",1", "1::2", "a", "1 2", "-1", "4294967296", "1:2:3", "1;2"})
    void malformedUidSetsAreInvalid(String text) {
        assertThatThrownBy(() -> UidSet.parse(text)).isInstanceOf(MailRejection.class)
                .extracting(e -> ((MailRejection) e).code()).isEqualTo(MailRejection.Code.INVALID);
    }

    @Test
    void overlongUidSetsAreInvalid() {
        assertThatThrownBy(() -> UidSet.parse("1,".repeat(40000) + "1")).isInstanceOf(MailRejection.class);
    }

    @Test
    void sectionsNameWholeHeaderTextAndParts() {
        assertThat(Section.parse(null)).isEqualTo(new Section(Section.Kind.WHOLE, ""));
        assertThat(Section.parse("")).isEqualTo(new Section(Section.Kind.WHOLE, ""));
        assertThat(Section.parse("header")).isEqualTo(new Section(Section.Kind.HEADER, ""));
        assertThat(Section.parse("TEXT")).isEqualTo(new Section(Section.Kind.TEXT, ""));
        assertThat(Section.parse("1")).isEqualTo(new Section(Section.Kind.PART, "1"));
        assertThat(Section.parse("1.2.3")).isEqualTo(new Section(Section.Kind.PART, "1.2.3"));
        assertThat(Section.parse("1.2.MIME")).isEqualTo(new Section(Section.Kind.PART_MIME, "1.2"));
        assertThat(Section.parse("3.header")).isEqualTo(new Section(Section.Kind.PART_HEADER, "3"));
        assertThat(Section.parse("3.TEXT")).isEqualTo(new Section(Section.Kind.PART_TEXT, "3"));
        assertThat(Section.parse("2").isPart()).isTrue();
        assertThat(Section.parse("TEXT").isPart()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MIME", "0", "1.0", "01", "1.", ".1", "1..2", "1.FOO", "1MIME", "HEADER.FIELDS (Subject)",
            "1.HEADER.FIELDS (Subject)", "TEXT.1", "١"})
    void malformedSectionsAreInvalid(String text) {
        assertThatThrownBy(() -> Section.parse(text)).isInstanceOf(MailRejection.class);
    }

    @Test
    void partialRangesFollowRfc3501() {
        ByteRange section = new ByteRange(100, 200);
        assertThat(section.partial(null, null)).isEqualTo(section);
        assertThat(section.partial(10L, 20L)).isEqualTo(new ByteRange(110, 130));
        assertThat(section.partial(90L, 50L)).isEqualTo(new ByteRange(190, 200)); // cut at the end
        assertThat(section.partial(100L, 5L)).isEqualTo(ByteRange.EMPTY); // at the end: empty
        assertThat(section.partial(500L, null)).isEqualTo(ByteRange.EMPTY);
        assertThat(section.partial(null, 0L).length()).isZero();
        assertThatThrownBy(() -> section.partial(-1L, null)).isInstanceOf(MailRejection.class);
    }

    @Test
    void systemFlagsMapToBitsAndBackCaseInsensitively() {
        assertThat(SystemFlags.bits(List.of("\\Seen", "\\DELETED", "\\draft"))).isEqualTo(1 | 8 | 16);
        assertThat(SystemFlags.bits(List.of())).isZero();
        assertThat(SystemFlags.names(31)).containsExactly("\\Seen", "\\Answered", "\\Flagged", "\\Deleted", "\\Draft");
        assertThat(SystemFlags.names(2 | 4)).containsExactly("\\Answered", "\\Flagged");
        for (String notStorable : List.of("\\Recent", "\\*", "\\Junk", "Seen", "")) {
            assertThatThrownBy(() -> SystemFlags.bits(List.of(notStorable))).isInstanceOf(MailRejection.class);
        }
    }

    @Test
    void keywordsAreAtomsKeptInOrderWithoutDuplicates() {
        assertThat(Keywords.validated(List.of("$Forwarded", "Junk", "$Forwarded", "NonJunk")))
                .containsExactly("$Forwarded", "Junk", "NonJunk");
        assertThat(Keywords.validated(null)).isEmpty();
        for (String bad : List.of("", "a b", "\\Seen", "a]", "(x", "%", "*", "\"q\"", "é", "x".repeat(101))) {
            assertThatThrownBy(() -> Keywords.validated(List.of(bad))).as(bad).isInstanceOf(MailRejection.class);
        }
    }

    @Test
    void internalDatesInImapAndIsoForm() {
        assertThat(InternalDates.parse(" 7-Feb-1994 21:52:25 -0800"))
                .isEqualTo(OffsetDateTime.parse("1994-02-07T21:52:25-08:00"));
        assertThat(InternalDates.parse("\"17-jul-1996 02:44:25 +0130\""))
                .isEqualTo(OffsetDateTime.parse("1996-07-17T02:44:25+01:30"));
        assertThat(InternalDates.parse("2024-03-01T12:00:00Z")).isEqualTo(OffsetDateTime.parse("2024-03-01T12:00:00Z"));
        for (String bad : List.of("32-Jan-2024 10:00:00 +0000", "1-Foo-2024 10:00:00 +0000", "1-Jan-2024 10:00 +0000",
                "1-Jan-2024 10:00:00 +0099", "2024-03-01T12:00:00", "yesterday")) {
            assertThatThrownBy(() -> InternalDates.parse(bad)).as(bad).isInstanceOf(MailRejection.class);
        }
    }

    @Test
    void metadataFieldsAndLimits() {
        assertThat(MetadataField.parse("envelope,bodyStructure, parts")).containsExactlyInAnyOrder(
                MetadataField.ENVELOPE, MetadataField.BODY_STRUCTURE, MetadataField.PARTS);
        assertThat(MetadataField.parse(null)).isEmpty();
        assertThatThrownBy(() -> MetadataField.parse("envelope,flags")).isInstanceOf(MailRejection.class);
        assertThatThrownBy(() -> new MetadataRequest(UidSet.all(), Set.of(), null, 5001, 0)).isInstanceOf(MailRejection.class);
        assertThatThrownBy(() -> new MetadataRequest(UidSet.all(), Set.of(), null, 0, 0)).isInstanceOf(MailRejection.class);
        assertThatThrownBy(() -> new MetadataRequest(UidSet.all(), Set.of(), -1L, 10, 0)).isInstanceOf(MailRejection.class);
        assertThat(FlagMode.parse("add")).isEqualTo(FlagMode.ADD);
        assertThatThrownBy(() -> FlagMode.parse("ADD")).isInstanceOf(MailRejection.class);
    }
}
