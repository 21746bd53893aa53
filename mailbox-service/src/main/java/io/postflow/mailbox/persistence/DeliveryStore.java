package io.postflow.mailbox.persistence;

import io.postflow.mailbox.domain.delivery.DeliveryRequest;
import io.postflow.mailbox.domain.delivery.PreparedMessage;
import io.postflow.mailbox.domain.delivery.StoreResult;
import io.postflow.mailbox.domain.delivery.StoreResult.StoredEntry;
import io.postflow.mailbox.domain.delivery.TracePrefix;
import io.postflow.mailbox.domain.message.MessageAnalysis;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stores a batch of deliveries in one transaction, with a fixed number of round trips whatever the
 * batch size (executeBatch pipelines a statement's rows). Locks are taken in a global order —
 * accounts by id, bodies by hash, mailboxes by id — so concurrent instances cannot deadlock, and a
 * mailbox's UIDNEXT and HIGHESTMODSEQ move in the same commit as the entries they count: no reader
 * ever sees UID n+1 before UID n.
 */
@ApplicationScoped
public class DeliveryStore {

    private static final String LOCK_ACCOUNTS = """
            SELECT a.id, a.address, a.quota_bytes, a.used_bytes, m.id AS inbox
              FROM account a JOIN mailbox m ON m.account_id = a.id AND m.name = 'INBOX'
             WHERE a.address = ANY($1) ORDER BY a.id FOR UPDATE OF a""";
    private static final String DELIVERED = """
            SELECT d.trace_id, d.account_id, d.mailbox_id, d.uid, d.modseq, coalesce(m.uidnext, 0) AS uidnext
              FROM delivery d LEFT JOIN mailbox m ON m.id = d.mailbox_id
             WHERE d.trace_id = ANY($1)""";
    /**
     * Also used by APPEND: one body row per content, its reference count grown by the new entries.
     * The part table is JSON text, so it goes in as text: the client encodes a String bound to a
     * jsonb parameter as a JSON string, which would store the table as one string value.
     */
    static final String UPSERT_BODY = """
            INSERT INTO message_body (sha256, content, size, header_size, body_lines, envelope, body_structure,
                   body_basic, parts, sent_date, subject, from_text, to_text, cc_text, bcc_text, message_id,
                   header_text, body_text, ref_count)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::jsonb, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
            ON CONFLICT (sha256) DO UPDATE
               SET ref_count = message_body.ref_count + EXCLUDED.ref_count, unreferenced_since = NULL
            RETURNING id""";
    private static final String ALLOCATE_UIDS = """
            UPDATE mailbox SET uidnext = uidnext + $2, highestmodseq = highestmodseq + 1,
                   message_count = message_count + $2, unseen_count = unseen_count + $2, size_bytes = size_bytes + $3
             WHERE id = $1
            RETURNING uidnext - $2 AS first_uid, highestmodseq, uidnext""";
    private static final String CHARGE_QUOTA = "UPDATE account SET used_bytes = used_bytes + $2 WHERE id = $1";
    private static final String INSERT_ENTRY = """
            INSERT INTO mailbox_message (mailbox_id, uid, body_id, prefix, size, modseq, internal_date)
            VALUES ($1, $2, $3, $4, $5, $6, $7)""";
    private static final String INSERT_DELIVERY = """
            INSERT INTO delivery (trace_id, account_id, mailbox_id, uid, modseq) VALUES ($1, $2, $3, $4, $5)""";

    private final Pool pool;

    public DeliveryStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Delivers each request to its account's INBOX, unless it was delivered before, the account is
     * unknown, or the quota would be exceeded. {@code messages} maps each request's message (by
     * identity of its byte array) to its prepared body.
     */
    public Uni<StoreResult> store(List<DeliveryRequest> requests, Map<byte[], PreparedMessage> messages) {
        return pool.withTransaction(conn -> new Transaction(conn, requests, messages).run());
    }

    /** The state of one delivery transaction; each step is one round trip. */
    private static final class Transaction {
        private final SqlConnection conn;
        private final List<DeliveryRequest> requests;
        private final Map<byte[], PreparedMessage> messages;
        private final Map<String, AccountRow> accounts = new HashMap<>();
        private final List<StoredEntry> duplicates = new ArrayList<>();
        private final List<DeliveryRequest> unknown = new ArrayList<>();
        private final List<DeliveryRequest> overQuota = new ArrayList<>();
        private final List<Accepted> accepted = new ArrayList<>();
        private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

        Transaction(SqlConnection conn, List<DeliveryRequest> requests, Map<byte[], PreparedMessage> messages) {
            this.conn = conn;
            this.requests = requests;
            this.messages = messages;
        }

        Uni<StoreResult> run() {
            return lockAccounts()
                    .chain(this::findDelivered)
                    .invoke(this::decide)
                    .chain(this::upsertBodies)
                    .chain(this::allocateUids)
                    .chain(this::chargeQuotas)
                    .chain(this::insertEntries)
                    .map(ignored -> new StoreResult(accepted.stream().map(Accepted::entry).toList(), duplicates, unknown, overQuota));
        }

        private Uni<Void> lockAccounts() {
            String[] keys = requests.stream().map(r -> r.recipient().address()).distinct().toArray(String[]::new);
            return conn.preparedQuery(LOCK_ACCOUNTS).execute(Tuple.of(keys)).invoke(rows -> {
                for (Row row : rows) {
                    accounts.put(row.getString("address"), new AccountRow(row.getLong("id"), row.getLong("quota_bytes"),
                            row.getLong("used_bytes"), row.getLong("inbox")));
                }
            }).replaceWithVoid();
        }

        private Uni<Map<String, StoredEntry>> findDelivered() {
            String[] traceIds = requests.stream().map(DeliveryRequest::traceId).distinct().toArray(String[]::new);
            Map<Long, String> addressById = new HashMap<>();
            accounts.forEach((address, row) -> addressById.put(row.id(), address));
            return conn.preparedQuery(DELIVERED).execute(Tuple.of(traceIds)).map(rows -> {
                Map<String, StoredEntry> delivered = new HashMap<>();
                for (Row row : rows) {
                    String address = addressById.get(row.getLong("account_id"));
                    if (address != null) {
                        delivered.put(key(row.getString("trace_id"), address), new StoredEntry(null, row.getLong("mailbox_id"),
                                row.getLong("uid"), row.getLong("modseq"), row.getLong("uidnext")));
                    }
                }
                return delivered;
            });
        }

        /** Sorts each request into duplicate, unknown, over quota or accepted. */
        private void decide(Map<String, StoredEntry> delivered) {
            Map<String, Boolean> seen = new HashMap<>();
            for (DeliveryRequest request : requests) {
                String address = request.recipient().address();
                String key = key(request.traceId(), address);
                StoredEntry before = delivered.get(key);
                AccountRow account = accounts.get(address);
                if (before != null) {
                    duplicates.add(new StoredEntry(request, before.mailboxId(), before.uid(), before.modseq(), before.uidNext()));
                } else if (seen.putIfAbsent(key, Boolean.TRUE) != null) {
                    continue; // the same record twice in one batch: the first one counts
                } else if (account == null) {
                    unknown.add(request);
                } else {
                    int size = TracePrefix.of(request.envelope().mailFrom(), address).length + request.message().length;
                    if (account.quota() != null && account.used() + size > account.quota()) {
                        overQuota.add(request);
                    } else {
                        account.charge(size);
                        accepted.add(new Accepted(request, account, messages.get(request.message())));
                    }
                }
            }
        }

        private Uni<Void> upsertBodies() {
            if (accepted.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            // Sorted by hash: two transactions touching the same bodies lock them in the same order.
            // Unsigned, as PostgreSQL orders bytea (memcmp), so MessageBodyReferences, which locks
            // with ORDER BY sha256, takes them in this order too (ByteBuffer would compare signed).
            TreeMap<byte[], List<Accepted>> byBody = new TreeMap<>(Arrays::compareUnsigned);
            accepted.forEach(a -> byBody.computeIfAbsent(a.message().sha256(), k -> new ArrayList<>()).add(a));
            List<List<Accepted>> groups = new ArrayList<>(byBody.values());
            List<Tuple> rows = groups.stream().map(g -> bodyTuple(g.get(0).message(), g.size())).toList();
            return conn.preparedQuery(UPSERT_BODY).executeBatch(rows).invoke(result -> {
                RowSet<Row> set = result;
                for (List<Accepted> group : groups) {
                    long bodyId = set.iterator().next().getLong("id");
                    group.forEach(a -> a.bodyId = bodyId);
                    set = set.next();
                }
            }).replaceWithVoid();
        }

        private Uni<Void> allocateUids() {
            if (accepted.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            TreeMap<Long, List<Accepted>> byMailbox = new TreeMap<>();
            accepted.forEach(a -> byMailbox.computeIfAbsent(a.account().inbox(), k -> new ArrayList<>()).add(a));
            List<List<Accepted>> groups = new ArrayList<>(byMailbox.values());
            List<Tuple> rows = new ArrayList<>();
            byMailbox.forEach((mailbox, group) -> rows.add(Tuple.of(mailbox, (long) group.size(),
                    group.stream().mapToLong(Accepted::size).sum())));
            return conn.preparedQuery(ALLOCATE_UIDS).executeBatch(rows).invoke(result -> {
                RowSet<Row> set = result;
                for (List<Accepted> group : groups) {
                    Row row = set.iterator().next();
                    long uid = row.getLong("first_uid");
                    for (Accepted a : group) {
                        a.uid = uid++;
                        a.modseq = row.getLong("highestmodseq");
                        a.uidNext = row.getLong("uidnext");
                    }
                    set = set.next();
                }
            }).replaceWithVoid();
        }

        private Uni<Void> chargeQuotas() {
            Map<Long, Long> charges = new TreeMap<>();
            accepted.forEach(a -> charges.merge(a.account().id(), (long) a.size(), Long::sum));
            if (charges.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<Tuple> rows = new ArrayList<>();
            charges.forEach((id, bytes) -> rows.add(Tuple.of(id, bytes)));
            return conn.preparedQuery(CHARGE_QUOTA).executeBatch(rows).replaceWithVoid();
        }

        private Uni<Void> insertEntries() {
            if (accepted.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<Tuple> entries = accepted.stream().map(a -> Tuple.from(List.of(a.account().inbox(), a.uid, a.bodyId,
                    Buffer.buffer(a.prefix), a.size(), a.modseq, now))).toList();
            List<Tuple> deliveries = accepted.stream().map(a -> Tuple.of(a.request().traceId(), a.account().id(),
                    a.account().inbox(), a.uid, a.modseq)).toList();
            return conn.preparedQuery(INSERT_ENTRY).executeBatch(entries)
                    .chain(() -> conn.preparedQuery(INSERT_DELIVERY).executeBatch(deliveries))
                    .replaceWithVoid();
        }

        private static String key(String traceId, String address) {
            return traceId + '\n' + address;
        }
    }

    static Tuple bodyTuple(PreparedMessage message, int references) {
        MessageAnalysis a = message.analysis();
        List<Object> values = new ArrayList<>(19);
        values.add(Buffer.buffer(message.sha256()));
        values.add(Buffer.buffer(message.content()));
        values.add(message.content().length);
        values.add(a.headerSize());
        values.add(a.bodyLines());
        values.add(a.envelope());
        values.add(a.bodyStructure());
        values.add(a.bodyBasic());
        values.add(a.partsJson());
        values.add(a.sentDate());
        values.add(a.subject());
        values.add(a.fromText());
        values.add(a.toText());
        values.add(a.ccText());
        values.add(a.bccText());
        values.add(a.messageId());
        values.add(a.headerText());
        values.add(a.bodyText());
        values.add(references);
        return Tuple.from(values);
    }

    /** A locked account row; {@code used} grows as this transaction accepts messages for it. */
    private static final class AccountRow {
        private final long id;
        private final Long quota;
        private long used;
        private final long inbox;

        AccountRow(long id, Long quota, long used, long inbox) {
            this.id = id;
            this.quota = quota;
            this.used = used;
            this.inbox = inbox;
        }

        long id() {
            return id;
        }

        Long quota() {
            return quota;
        }

        long used() {
            return used;
        }

        long inbox() {
            return inbox;
        }

        void charge(long bytes) {
            used += bytes;
        }
    }

    /** A request that will be stored; ids are filled in as the transaction proceeds. */
    private static final class Accepted {
        private final DeliveryRequest request;
        private final AccountRow account;
        private final PreparedMessage message;
        private final byte[] prefix;
        private long bodyId;
        private long uid;
        private long modseq;
        private long uidNext;

        Accepted(DeliveryRequest request, AccountRow account, PreparedMessage message) {
            this.request = request;
            this.account = account;
            this.message = message;
            this.prefix = TracePrefix.of(request.envelope().mailFrom(), request.recipient().address());
        }

        DeliveryRequest request() {
            return request;
        }

        AccountRow account() {
            return account;
        }

        PreparedMessage message() {
            return message;
        }

        int size() {
            return prefix.length + message.content().length;
        }

        StoredEntry entry() {
            return new StoredEntry(request, account.inbox(), uid, modseq, uidNext);
        }
    }
}
