package io.postflow.gateway.imap.command;

import io.postflow.gateway.mailbox.CopyResult;

/** The COPYUID response code of COPY and MOVE (RFC 4315 §3, RFC 6851 §4.3). */
final class CopyUid {

    private CopyUid() {
    }

    /**
     * {@code COPYUID <uidvalidity> <source uid-set> <target uid-set>}, or null when nothing was
     * copied (RFC 4315 §3: no COPYUID then). Both sets list the UIDs in source order; runs of
     * consecutive UIDs become ranges, which keeps the pairs in step because mailbox-service allocates
     * the target UIDs ascending in source order.
     */
    static String code(CopyResult result) {
        if (result.mapping().isEmpty()) {
            return null;
        }
        long[] from = new long[result.mapping().size()];
        long[] to = new long[from.length];
        for (int i = 0; i < from.length; i++) {
            from[i] = result.mapping().get(i)[0];
            to[i] = result.mapping().get(i)[1];
        }
        return "COPYUID " + result.uidValidity() + " " + compact(from) + " " + compact(to);
    }

    /** An ascending UID list as a uid-set: {@code 1:3,7}. */
    static String compact(long[] uids) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < uids.length) {
            int j = i;
            while (j + 1 < uids.length && uids[j + 1] == uids[j] + 1) {
                j++;
            }
            out.append(out.length() == 0 ? "" : ",").append(uids[i]);
            if (j > i) {
                out.append(':').append(uids[j]);
            }
            i = j + 1;
        }
        return out.toString();
    }
}
