package io.postflow.mailbox.api.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.postflow.mailbox.domain.mail.CopyResult;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * COPYUID data (RFC 4315 §3): the target's UIDVALIDITY and [source UID, new UID] pairs in source
 * order; for a MOVE also the source UIDs now expunged and the source's new HIGHESTMODSEQ.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "CopyResult")
public record CopyView(
        @Schema(description = "The target mailbox's id (COPY may name it)") long targetId,
        long uidValidity,
        @Schema(description = "[[sourceUid, targetUid], ...]; empty when the set matched nothing") List<long[]> mapping,
        @Schema(description = "MOVE only: source UIDs expunged, ascending") List<Long> expunged,
        @Schema(description = "MOVE only: the source mailbox's HIGHESTMODSEQ afterwards") Long highestModseq) {

    static CopyView of(CopyResult result) {
        List<long[]> mapping = result.mapping().stream().map(p -> new long[] {p.source(), p.target()}).toList();
        return result.moved() == null ? new CopyView(result.targetId(), result.uidValidity(), mapping, null, null)
                : new CopyView(result.targetId(), result.uidValidity(), mapping, result.moved().uids(),
                        result.moved().mailbox().highestModseq());
    }
}
