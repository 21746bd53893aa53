package io.postflow.mailbox.api.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.postflow.mailbox.domain.mail.SearchResult;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The UIDs found, ascending, the mailbox's HIGHESTMODSEQ, and with a MODSEQ key the highest MODSEQ found. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "SearchResult")
public record SearchView(
        List<Long> uids,
        long highestModseq,
        @Schema(description = "With a modseq criterion and matches: their highest MODSEQ, for \"(MODSEQ n)\" (RFC 7162 §3.1.5)")
        Long maxModseq) {

    static SearchView of(SearchResult result) {
        return new SearchView(result.uids(), result.highestModseq(), result.maxModseq());
    }
}
