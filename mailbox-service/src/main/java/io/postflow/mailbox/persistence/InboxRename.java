package io.postflow.mailbox.persistence;

import io.postflow.common.event.MailboxEvent;
import io.postflow.mailbox.domain.mail.ListChange;
import io.postflow.mailbox.domain.mail.MailboxNames;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

/**
 * RENAME of INBOX (RFC 3501 §6.3.5): "moves all messages in INBOX to a new mailbox with the given
 * name, leaving INBOX empty"; inferiors of INBOX are unaffected. Runs inside the caller's
 * transaction, with the account and INBOX rows locked, so no delivery lands in between.
 *
 * <p>The new mailbox is a new mailbox: a fresh UIDVALIDITY, UIDs 1..n in the old order, the same
 * flags, keywords and internal dates. INBOX keeps its UIDVALIDITY and UIDNEXT (UIDs are never
 * reused) and records the moved UIDs as expunged, so sessions that have it selected learn of the
 * move through "changes since MODSEQ n".
 */
final class InboxRename {

    /** A new mailbox starts at HIGHESTMODSEQ 1 (the column default); the move is its first change. */
    private static final long MOVED_MODSEQ = 2;

    private static final String CREATE_TARGET = """
            INSERT INTO mailbox (account_id, name, uidvalidity)
            VALUES ($1, $2, nextval('mailbox_uidvalidity'))
            ON CONFLICT (account_id, name) DO NOTHING
            RETURNING id""";
    private static final String EMPTY_INBOX = """
            UPDATE mailbox SET highestmodseq = highestmodseq + 1, message_count = 0, unseen_count = 0, size_bytes = 0
             WHERE id = $1
            RETURNING highestmodseq, uidnext""";
    /*
     * Moving the rows keeps each body's reference count as it is: the same entries, in another
     * mailbox. The expunge records of INBOX carry INBOX's new MODSEQ (RFC 7162 §3.2.10: a
     * vanished message is reported with the MODSEQ of its removal).
     */
    private static final String MOVE = """
            WITH numbered AS (
                SELECT uid, row_number() OVER (ORDER BY uid) AS new_uid FROM mailbox_message WHERE mailbox_id = $1),
            moved AS (
                UPDATE mailbox_message e SET mailbox_id = $2, uid = n.new_uid, modseq = $3
                  FROM numbered n
                 WHERE e.mailbox_id = $1 AND e.uid = n.uid
                RETURNING n.uid AS old_uid, e.flags, e.size),
            expunged AS (
                INSERT INTO mailbox_expunged (mailbox_id, uid, modseq) SELECT $1, old_uid, $4 FROM moved)
            SELECT count(*) AS messages, count(*) FILTER (WHERE flags & 1 = 0) AS unseen,
                   coalesce(sum(size), 0) AS size_bytes, coalesce(array_agg(old_uid ORDER BY old_uid), '{}') AS old_uids
              FROM moved""";
    // \Recent: the moved messages are new to the target, as COPY's are (RFC 3501 §6.4.7).
    private static final String FILL_TARGET = """
            UPDATE mailbox SET uidnext = $2 + 1, highestmodseq = $3, message_count = $2, unseen_count = $4,
                               size_bytes = $5, first_recent_uid = 1
             WHERE id = $1""";

    private final SqlConnection conn;
    private final String accountKey;
    private final LockedMailbox inbox;
    private final String newName;
    private final List<MailboxEvent> events = new ArrayList<>();
    private long targetId;
    private long inboxModseq;
    private long inboxUidNext;

    private InboxRename(SqlConnection conn, String accountKey, LockedMailbox inbox, String newName) {
        this.conn = conn;
        this.accountKey = accountKey;
        this.inbox = inbox;
        this.newName = newName;
    }

    static Uni<ListChange> run(SqlConnection conn, String accountKey, LockedMailbox inbox, String newName) {
        return new InboxRename(conn, accountKey, inbox, newName).run();
    }

    private Uni<ListChange> run() {
        return createTarget()
                .chain(this::emptyInbox)
                .chain(this::moveMessages)
                .chain(() -> MailboxLevels.createMissing(conn, inbox.accountId(), MailboxNames.parents(newName)))
                .invoke(created -> events.addAll(MailboxLevels.listEvents(accountKey, created)))
                .chain(() -> MailboxQueries.byId(conn, accountKey, targetId))
                .map(target -> new ListChange(target, events));
    }

    private Uni<Void> createTarget() {
        return conn.preparedQuery(CREATE_TARGET).execute(Tuple.of(inbox.accountId(), newName)).invoke(rows -> {
            if (rows.size() == 0) {
                throw MailboxListStore.exists(newName);
            }
            targetId = rows.iterator().next().getLong("id");
        }).replaceWithVoid();
    }

    private Uni<Void> emptyInbox() {
        return conn.preparedQuery(EMPTY_INBOX).execute(Tuple.of(inbox.id())).invoke(rows -> {
            Row row = rows.iterator().next();
            inboxModseq = row.getLong("highestmodseq");
            inboxUidNext = row.getLong("uidnext");
        }).replaceWithVoid();
    }

    private Uni<Void> moveMessages() {
        return conn.preparedQuery(MOVE).execute(Tuple.of(inbox.id(), targetId, MOVED_MODSEQ, inboxModseq))
                .map(rows -> rows.iterator().next())
                .call(moved -> conn.preparedQuery(FILL_TARGET).execute(Tuple.of(targetId, moved.getLong("messages"),
                        MOVED_MODSEQ, moved.getLong("unseen"), moved.getLong("size_bytes"))))
                .invoke(moved -> announce(Arrays.asList(moved.getArrayOfLongs("old_uids"))))
                .replaceWithVoid();
    }

    private void announce(List<Long> oldUids) {
        long count = oldUids.size();
        if (count > 0) {
            events.add(new MailboxEvent(inbox.id(), accountKey, MailboxEvent.Type.EXPUNGE, inboxModseq, inboxUidNext,
                    oldUids));
            events.add(new MailboxEvent(targetId, accountKey, MailboxEvent.Type.EXISTS, MOVED_MODSEQ, count + 1,
                    LongStream.rangeClosed(1, count).boxed().toList()));
        }
        events.add(MailboxLevels.listEvent(accountKey, targetId, MOVED_MODSEQ, count + 1));
    }
}
