package io.postflow.gateway.imap.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.gateway.mailbox.CopyResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyUidTest {

    @Test
    void runsBecomeRangesInSourceOrder() {
        assertThat(CopyUid.compact(new long[] {1, 2, 3, 5, 7, 8})).isEqualTo("1:3,5,7:8");
        assertThat(CopyUid.compact(new long[] {4})).isEqualTo("4");
        CopyResult result = new CopyResult(7, 42, List.of(new long[] {1, 10}, new long[] {2, 11}, new long[] {9, 12}));
        assertThat(CopyUid.code(result)).isEqualTo("COPYUID 42 1:2,9 10:12");
    }

    @Test
    void nothingCopiedMeansNoCode() {
        assertThat(CopyUid.code(new CopyResult(7, 42, List.of()))).isNull();
    }
}
