package io.postflow.mailbox.domain.mail;

import java.util.List;

/** A message's flags after a STORE, with its MODSEQ. */
public record FlagState(long uid, int flags, List<String> keywords, long modseq) {

    public FlagState {
        keywords = List.copyOf(keywords);
    }
}
