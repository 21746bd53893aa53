package io.postflow.gateway.imap.session;

import io.postflow.gateway.imap.protocol.ImapWriter;
import io.postflow.gateway.imap.protocol.SequenceSet;
import io.postflow.gateway.mailbox.Changes;
import io.postflow.gateway.mailbox.FlagState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The selected mailbox as this session has announced it (RFC 3501 §2.3.1.2): UIDs in sequence
 * order, with expunges learnt from mailbox-service held back until an EXPUNGE response may be sent,
 * so sequence numbers only change where the client is told. EXISTS therefore never decreases
 * except through EXPUNGE responses (§5.2). Used on the session's event loop only.
 */
public final class SelectedView {

    private final long mailboxId;
    private final String name;
    private final boolean readOnly;
    private final long uidValidity;
    /** UID ranges {@code [from, to]} this session claimed as \Recent: at SELECT, then new arrivals. */
    private final List<long[]> recent = new ArrayList<>();
    private long[] uids;
    private int size;
    private long knownModseq;
    private long uidNext;
    private int announcedExists;
    private int announcedRecent;
    private final TreeSet<Long> pendingExpunge = new TreeSet<>();
    private final Map<Long, FlagState> pendingFlags = new LinkedHashMap<>();
    /** MODSEQ of flags this session already reported for a UID, so a later poll does not repeat them. */
    private final Map<Long, Long> reported = new java.util.HashMap<>();

    /**
     * @param recentFrom first UID that is \Recent in this session (0: none); every UID from it up
     *                   to {@code uidNext - 1} at SELECT time is
     */
    public SelectedView(long mailboxId, String name, boolean readOnly, long uidValidity, long uidNext, long modseq,
                        long[] uids, long recentFrom) {
        this.mailboxId = mailboxId;
        this.name = name;
        this.readOnly = readOnly;
        this.uidValidity = uidValidity;
        this.uidNext = uidNext;
        this.knownModseq = modseq;
        this.uids = Arrays.copyOf(uids, Math.max(16, uids.length));
        this.size = uids.length;
        if (recentFrom > 0 && recentFrom < uidNext) {
            recent.add(new long[] {recentFrom, uidNext - 1});
        }
        this.announcedExists = size;
        this.announcedRecent = recentCount();
    }

    public long mailboxId() {
        return mailboxId;
    }

    public String name() {
        return name;
    }

    public boolean readOnly() {
        return readOnly;
    }

    public long uidValidity() {
        return uidValidity;
    }

    public long uidNext() {
        return uidNext;
    }

    public long knownModseq() {
        return knownModseq;
    }

    public int exists() {
        return size;
    }

    public boolean isRecent(long uid) {
        for (long[] range : recent) {
            if (uid >= range[0] && uid <= range[1]) {
                return true;
            }
        }
        return false;
    }

    public int recentCount() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            n += isRecent(uids[i]) ? 1 : 0;
        }
        return n;
    }

    /** The UIDs that are \Recent here, ascending. */
    public List<Long> recentUids() {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (isRecent(uids[i])) {
                out.add(uids[i]);
            }
        }
        return out;
    }

    /** 1-based sequence number of a UID, or 0 when it is not in the view. */
    public int sequenceOf(long uid) {
        int i = Arrays.binarySearch(uids, 0, size, uid);
        return i < 0 ? 0 : i + 1;
    }

    public long uidAt(int sequence) {
        return uids[sequence - 1];
    }

    /**
     * The UID set (in the internal API's syntax) of a message sequence set; IllegalArgumentException
     * when it names a number beyond EXISTS (RFC 3501 §9 "seq-number").
     */
    public String uidsOfSequences(SequenceSet set) {
        StringBuilder out = new StringBuilder();
        for (SequenceSet.Range r : set.ranges()) {
            long low = r.low(size);
            long high = r.high(size);
            if (size == 0 || high > size || low < 1) {
                throw new IllegalArgumentException("no such message (sequence number beyond EXISTS " + size + ")");
            }
            out.append(out.length() == 0 ? "" : ",").append(uids[(int) low - 1]);
            if (high != low) {
                out.append(':').append(uids[(int) high - 1]);
            }
        }
        return out.toString();
    }

    /**
     * A UID set limited to the view: {@code *} is the highest UID this session knows, so messages not
     * announced yet are never touched by it (RFC 3501 §6.4.8). Null when the view is empty.
     */
    public String uidsOfUidSet(SequenceSet set) {
        if (size == 0) {
            return null;
        }
        long highest = uids[size - 1];
        StringBuilder out = new StringBuilder();
        for (SequenceSet.Range r : set.ranges()) {
            long low = r.low(highest);
            long high = Math.min(r.high(highest), highest);
            if (low > high) {
                if (r.from() == SequenceSet.STAR || r.to() == SequenceSet.STAR) {
                    low = highest; // n:* with n above every UID still means the highest (§6.4.8)
                    high = highest;
                } else {
                    continue;
                }
            }
            out.append(out.length() == 0 ? "" : ",").append(low);
            if (high != low) {
                out.append(':').append(high);
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    /** Takes in what changed on the server; nothing is told to the client until {@link #drain}. */
    public void apply(Changes changes) {
        for (long uid : changes.expunged()) {
            if (sequenceOf(uid) > 0) {
                pendingExpunge.add(uid);
                pendingFlags.remove(uid);
            }
        }
        for (FlagState state : changes.changed()) {
            if (pendingExpunge.contains(state.uid())) {
                continue;
            }
            if (reported.getOrDefault(state.uid(), -1L) >= state.modseq()) {
                continue;
            }
            if (sequenceOf(state.uid()) > 0) {
                pendingFlags.put(state.uid(), state);
            } else if (size == 0 || state.uid() > uids[size - 1]) {
                add(state.uid()); // new arrivals: UIDs only grow, so they go at the end
            }
        }
        if (changes.recent() != null) {
            recent.add(changes.recent()); // new arrivals this session claimed (RFC 3501 §2.3.2)
        }
        knownModseq = Math.max(knownModseq, changes.highestModseq());
        reported.clear();
        uidNext = Math.max(uidNext, changes.uidNext());
    }

    /** This session told the client the flags a message has at {@code modseq}: not reported twice. */
    public void flagsReported(long uid, long modseq) {
        pendingFlags.remove(uid);
        reported.merge(uid, modseq, Math::max);
    }

    /** Expunged by this session's own EXPUNGE: reported like any other expunge. */
    public void expunged(List<Long> expunged) {
        for (long uid : expunged) {
            if (sequenceOf(uid) > 0) {
                pendingExpunge.add(uid);
                pendingFlags.remove(uid);
            }
        }
    }

    private void add(long uid) {
        if (size == uids.length) {
            uids = Arrays.copyOf(uids, size * 2);
        }
        uids[size++] = uid;
    }

    /** {@link #drain(boolean, boolean, ImapWriter)} for a session that has not enabled CONDSTORE. */
    public void drain(boolean expungeAllowed, ImapWriter out) {
        drain(expungeAllowed, false, out);
    }

    /**
     * Writes the untagged responses for what changed: EXPUNGE (only if {@code expungeAllowed}),
     * EXISTS and RECENT when they grew, FETCH FLAGS for flag changes, with their MODSEQ once the
     * session enabled CONDSTORE (RFC 7162 §3.1).
     */
    public void drain(boolean expungeAllowed, boolean modseq, ImapWriter out) {
        if (expungeAllowed) {
            for (long uid : pendingExpunge) {
                int sequence = sequenceOf(uid);
                out.raw("* ").number(sequence).raw(" EXPUNGE").crlf();
                System.arraycopy(uids, sequence, uids, sequence - 1, size - sequence);
                size--;
                announcedExists--;
            }
            pendingExpunge.clear();
        }
        if (size != announcedExists) {
            out.raw("* ").number(size).raw(" EXISTS").crlf();
            announcedExists = size;
        }
        int recent = recentCount();
        if (recent != announcedRecent) {
            out.raw("* ").number(recent).raw(" RECENT").crlf();
            announcedRecent = recent;
        }
        for (FlagState state : pendingFlags.values()) {
            int sequence = sequenceOf(state.uid());
            if (sequence > 0) {
                out.raw("* ").number(sequence).raw(" FETCH (UID ").number(state.uid()).raw(" FLAGS ")
                        .list(flags(state.uid(), state.flags()));
                if (modseq) {
                    out.raw(" MODSEQ (").number(state.modseq()).raw(")");
                }
                out.raw(")").crlf();
            }
        }
        pendingFlags.clear();
    }

    /** The flags as a FETCH reports them: \Recent added where it applies (RFC 3501 §2.3.2). */
    public List<String> flags(long uid, List<String> stored) {
        if (!isRecent(uid)) {
            return stored;
        }
        List<String> out = new ArrayList<>(stored);
        out.add("\\Recent");
        return out;
    }

    /** UIDs awaiting an EXPUNGE response; their messages still hold their sequence numbers. */
    public boolean expungePending(long uid) {
        return pendingExpunge.contains(uid);
    }
}
