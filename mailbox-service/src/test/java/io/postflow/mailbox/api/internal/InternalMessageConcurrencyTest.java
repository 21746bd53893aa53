package io.postflow.mailbox.api.internal;

import static io.postflow.mailbox.support.InternalApi.append;
import static io.postflow.mailbox.support.MailFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.postflow.mailbox.domain.delivery.DeliveryRequest;
import io.postflow.mailbox.domain.delivery.LocalDelivery;
import io.postflow.mailbox.support.Database;
import io.postflow.mailbox.support.Deliveries;
import io.postflow.mailbox.support.InternalApi;
import io.postflow.mailbox.support.MailFixture;
import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The acceptance test of issue 3: two delivery paths into one INBOX while API clients APPEND, COPY
 * and MOVE into it, and a reader polling all the while.
 *
 * <p>Two mailbox-service processes cannot run in one test JVM, but what two instances share is the
 * database: two threads drive {@link LocalDelivery} independently, so their transactions (each on
 * its own pooled connection) interleave exactly as two instances' would.
 *
 * <p>The reader checks the property that matters to a gateway: it reads the mailbox row (UIDNEXT u,
 * HIGHESTMODSEQ h) and then, in a separate statement with a later snapshot, the entries 1:* (set S),
 * the way a gateway does SELECT then FETCH. Reading both in one snapshot would prove nothing. Nobody
 * expunges from this INBOX and nobody changes its flags, so every entry that ever exists is still
 * there at the end (set F) with its original MODSEQ. Then "the reader never saw UIDNEXT or
 * HIGHESTMODSEQ move past an entry it could not yet read" is, for every poll:
 * <ul>
 *   <li>every UID of F below u is in S, and</li>
 *   <li>every entry of F whose MODSEQ is at most h is in S.</li>
 * </ul>
 * A writer that moved UIDNEXT or HIGHESTMODSEQ in one commit and inserted the entry in another
 * would make some poll see u or h first and miss the entry in the next statement.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class InternalMessageConcurrencyTest {

    private static final int DELIVERY_ROUNDS = 30;
    private static final int APPENDS = 30;
    private static final int COPIES = 20;
    private static final int MOVES = 12;

    @Inject
    Pool pool;

    @Inject
    LocalDelivery delivery;

    private final ObjectMapper json = new ObjectMapper();

    /** What one poll saw. */
    record Poll(long uidNext, long highestModseq, List<Long> uids, Map<Long, Long> modseqs) {
    }

    @Test
    void uidsAreDistinctAndIncreasingAndNoReaderSeesCountersAheadOfEntries() throws Exception {
        Database db = new Database(pool);
        MailFixture account = MailFixture.account(db, "concurrent");
        String address = account.address();
        long inbox = account.mailbox("INBOX");
        long archive = account.mailbox("Archive");
        long drafts = account.mailbox("Drafts");
        for (int i = 0; i < COPIES; i++) {
            append(address, archive, message("copy source " + i, "x"));
        }
        for (int i = 0; i < MOVES; i++) {
            append(address, drafts, message("move source " + i, "y"));
        }

        ExecutorService threads = Executors.newFixedThreadPool(7);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Poll> polls = Collections.synchronizedList(new ArrayList<>());
        try {
            Future<List<String>> deliveriesA = threads.submit(deliverer(address, "a", start));
            Future<List<String>> deliveriesB = threads.submit(deliverer(address, "b", start));
            Future<List<Long>> appends = threads.submit(() -> {
                start.await();
                List<Long> uids = new ArrayList<>();
                for (int i = 0; i < APPENDS; i++) {
                    HttpResponse<byte[]> answer = InternalApi.raw("POST", address, inbox, "/messages",
                            message("appended " + i, "z"), "message/rfc822");
                    assertThat(answer.statusCode()).isEqualTo(201);
                    uids.add(json.readTree(answer.body()).get("uid").asLong());
                }
                return uids;
            });
            Future<List<Long>> copies = threads.submit(copier(address, archive, inbox, false, COPIES, start));
            Future<List<Long>> moves = threads.submit(copier(address, drafts, inbox, true, MOVES, start));
            Future<?> reader = threads.submit(() -> {
                start.await();
                while (writing.get()) {
                    polls.add(poll(db, address, inbox));
                }
                return null;
            });

            start.countDown();
            List<String> tracesA = deliveriesA.get(2, TimeUnit.MINUTES);
            List<String> tracesB = deliveriesB.get(2, TimeUnit.MINUTES);
            List<Long> appended = appends.get(2, TimeUnit.MINUTES);
            List<Long> copied = copies.get(2, TimeUnit.MINUTES);
            List<Long> moved = moves.get(2, TimeUnit.MINUTES);
            writing.set(false);
            reader.get(1, TimeUnit.MINUTES);

            Poll last = poll(db, address, inbox);
            Map<Long, Long> all = last.modseqs();
            List<Long> deliveredA = deliveredUids(db, tracesA);
            List<Long> deliveredB = deliveredUids(db, tracesB);

            assertThat(polls).hasSizeGreaterThan(5);
            assertThat(polls.stream().map(Poll::uidNext).distinct().count()).as("distinct UIDNEXT values seen").isGreaterThan(3);
            Poll previous = null;
            for (Poll poll : polls) {
                assertThat(poll.uids()).as("a poll's UIDs").isSorted().doesNotHaveDuplicates();
                Set<Long> seen = poll.modseqs().keySet();
                for (Map.Entry<Long, Long> entry : all.entrySet()) {
                    if (entry.getKey() < poll.uidNext()) {
                        assertThat(seen).as("UID %d below UIDNEXT %d", entry.getKey(), poll.uidNext()).contains(entry.getKey());
                    }
                    if (entry.getValue() <= poll.highestModseq()) {
                        assertThat(seen).as("UID %d with MODSEQ %d <= HIGHESTMODSEQ %d", entry.getKey(), entry.getValue(),
                                poll.highestModseq()).contains(entry.getKey());
                    }
                }
                assertThat(all.keySet()).containsAll(seen);
                if (previous != null) {
                    assertThat(poll.uidNext()).isGreaterThanOrEqualTo(previous.uidNext());
                    assertThat(poll.highestModseq()).isGreaterThanOrEqualTo(previous.highestModseq());
                }
                previous = poll;
            }

            // Every writer's UIDs increase in the order it wrote, and no UID was handed out twice.
            for (List<Long> uids : List.of(deliveredA, deliveredB, appended, copied, moved)) {
                assertThat(uids).isSorted().doesNotHaveDuplicates();
            }
            List<Long> everyWrite = new ArrayList<>();
            List.of(deliveredA, deliveredB, appended, copied, moved).forEach(everyWrite::addAll);
            assertThat(everyWrite).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all.keySet());
            int expected = 2 * deliveryCount() + APPENDS + COPIES + MOVES;
            assertThat(all).hasSize(expected);
            // Dense: UIDs 1 .. UIDNEXT-1, no gap, none missing.
            assertThat(last.uidNext()).isEqualTo(expected + 1);
            assertThat(last.uids()).isEqualTo(range(1, expected));

            Row counted = db.single("SELECT count(*) AS n, count(*) FILTER (WHERE flags & 1 = 0) AS unseen,"
                    + " sum(size) AS bytes, max(modseq) AS top FROM mailbox_message WHERE mailbox_id = $1", inbox);
            Row box = account.mailboxRow(inbox);
            assertThat(box.getInteger("message_count")).isEqualTo(expected);
            assertThat(box.getInteger("unseen_count")).isEqualTo(counted.getLong("unseen").intValue());
            assertThat(box.getLong("size_bytes")).isEqualTo(counted.getLong("bytes"));
            assertThat(box.getLong("highestmodseq")).isEqualTo(counted.getLong("top"));
            assertThat(account.mailboxRow(drafts).getInteger("message_count")).isZero();
        } finally {
            writing.set(false);
            threads.shutdownNow();
        }
    }

    /** One delivery path: rounds of one to three messages, each round one transaction; returns the trace ids in order. */
    private Callable<List<String>> deliverer(String address, String name, CountDownLatch start) {
        return () -> {
            start.await();
            List<String> traces = new ArrayList<>();
            for (int round = 0; round < DELIVERY_ROUNDS; round++) {
                List<DeliveryRequest> batch = new ArrayList<>();
                for (int i = 0; i <= round % 3; i++) {
                    DeliveryRequest request = Deliveries.request(address, message("delivery " + name + round + "." + i, "d"));
                    batch.add(request);
                    traces.add(request.traceId());
                }
                delivery.deliver(batch).await().atMost(Duration.ofSeconds(30));
            }
            return traces;
        };
    }

    private static int deliveryCount() {
        int count = 0;
        for (int round = 0; round < DELIVERY_ROUNDS; round++) {
            count += round % 3 + 1;
        }
        return count;
    }

    /** COPY or MOVE of one message at a time from {@code source} into {@code target}; returns the new UIDs in order. */
    private Callable<List<Long>> copier(String address, long source, long target, boolean move, int count, CountDownLatch start) {
        return () -> {
            start.await();
            List<Long> uids = new ArrayList<>();
            for (int uid = 1; uid <= count; uid++) {
                String body = "{\"uids\":\"" + uid + "\",\"target\":" + target + ",\"move\":" + move + "}";
                HttpResponse<byte[]> answer = InternalApi.raw("POST", address, source, "/copy",
                        body.getBytes(StandardCharsets.UTF_8), "application/json");
                assertThat(answer.statusCode()).isEqualTo(200);
                JsonNode mapping = json.readTree(answer.body()).get("mapping");
                assertThat(mapping).hasSize(1);
                assertThat(mapping.get(0).get(0).asLong()).isEqualTo(uid);
                uids.add(mapping.get(0).get(1).asLong());
            }
            return uids;
        };
    }

    /** The mailbox row first, then the entries in a separate statement, as a gateway reads them. */
    private Poll poll(Database db, String address, long inbox) throws IOException {
        Row box = db.single("SELECT uidnext, highestmodseq FROM mailbox WHERE id = $1", inbox);
        HttpResponse<byte[]> page = InternalApi.raw("GET", address, inbox, "/messages?uids=1:*&limit=5000", null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        JsonNode answer = json.readTree(page.body());
        assertThat(answer.get("next").isNull()).isTrue();
        List<Long> uids = new ArrayList<>();
        Map<Long, Long> modseqs = new TreeMap<>();
        for (JsonNode message : answer.get("messages")) {
            uids.add(message.get("uid").asLong());
            modseqs.put(message.get("uid").asLong(), message.get("modseq").asLong());
        }
        return new Poll(box.getLong("uidnext"), box.getLong("highestmodseq"), uids, modseqs);
    }

    private static List<Long> deliveredUids(Database db, List<String> traceIds) {
        Map<String, Long> byTrace = new HashMap<>();
        for (Row row : db.query("SELECT trace_id, uid FROM delivery WHERE trace_id = ANY($1)", (Object) traceIds.toArray(String[]::new))) {
            byTrace.put(row.getString("trace_id"), row.getLong("uid"));
        }
        assertThat(byTrace).hasSize(traceIds.size());
        return traceIds.stream().map(byTrace::get).toList();
    }

    private static List<Long> range(long first, long last) {
        return new ArrayList<>(new TreeSet<>(java.util.stream.LongStream.rangeClosed(first, last).boxed().toList()));
    }
}
