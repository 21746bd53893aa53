package io.postflow.gateway.pop3.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.gateway.mailbox.Maildrop;
import org.junit.jupiter.api.Test;

class MaildropViewTest {

    private final MaildropView view = new MaildropView(new Maildrop("lease", 9, 1700000000L,
            new long[] {3, 8, 20}, new long[] {100, 250, 40}));

    @Test
    void numbersMessagesFromOneWithUniqueIdsFromUidValidityAndUid() {
        assertThat(view.size()).isEqualTo(3);
        assertThat(view.count()).isEqualTo(3);
        assertThat(view.octets()).isEqualTo(390);
        assertThat(view.uid(2)).isEqualTo(8);
        assertThat(view.octets(3)).isEqualTo(40);
        assertThat(view.uniqueId(1)).isEqualTo("1700000000.3");
        assertThat(view.exists(0)).isFalse();
        assertThat(view.exists(4)).isFalse();
    }

    @Test
    void deletionMarksCountUntilReset() {
        view.delete(2);
        assertThat(view.exists(2)).isFalse();
        assertThat(view.isDeleted(2)).isTrue();
        assertThat(view.count()).isEqualTo(2);
        assertThat(view.octets()).isEqualTo(140);
        assertThat(view.size()).isEqualTo(3);
        view.delete(3);
        assertThat(view.deletedUids()).containsExactly(8L, 20L);
        view.reset();
        assertThat(view.count()).isEqualTo(3);
        assertThat(view.deletedUids()).isEmpty();
    }
}
