package io.postflow.gateway.pop3.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.postflow.gateway.pop3.command.ContentStreamer;
import io.postflow.testkit.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Transcripts of every POP3 command in both states, with the error cases, against the running
 * gateway and the real mailbox-service process. Loopback clients may log in without TLS here.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(Pop3Platform.class)
class Pop3TranscriptTest {

    static final String M1 = "Subject: one\r\n\r\nfirst\r\n.dotted line\r\n";
    static final String M2 = "Subject: two\r\n\r\nsecond\r\n";
    static final String M3 = "Subject: three\r\n\r\nthird\r\nmore\r\n";

    @Inject
    Pop3Server server;

    private Pop3TestClient client() throws Exception {
        return Pop3TestClient.connect(server.port("pop3"));
    }

    private static String[] fill(String account) {
        long[] uids = new long[4];
        uids[1] = Pop3Platform.append(account, M1.getBytes(StandardCharsets.US_ASCII));
        uids[2] = Pop3Platform.append(account, M2.getBytes(StandardCharsets.US_ASCII));
        uids[3] = Pop3Platform.append(account, M3.getBytes(StandardCharsets.US_ASCII));
        long validity = Pop3Platform.uidValidity(account);
        return new String[] {null, validity + "." + uids[1], validity + "." + uids[2], validity + "." + uids[3]};
    }

    private static String login(String account) {
        return "C: USER " + account + "\nS: \\+OK.*\nC: PASS " + Pop3Platform.PASSWORD + "\n";
    }

    @Test
    void authorizationState() throws Exception {
        String account = Pop3Platform.newAccount("authorization");
        try (Pop3TestClient c = client()) {
            c.run("""
                    S: \\+OK Postflow POP3 server ready
                    C: CAPA
                    S: \\+OK capability list follows
                    S: TOP
                    S: UIDL
                    S: USER
                    S: SASL PLAIN
                    S: RESP-CODES
                    S: AUTH-RESP-CODE
                    S: PIPELINING
                    S: STLS
                    S: EXPIRE NEVER
                    S: IMPLEMENTATION Postflow
                    S: \\.
                    C: STAT
                    S: -ERR not logged in
                    C: LIST
                    S: -ERR not logged in
                    C: RETR 1
                    S: -ERR not logged in
                    C: DELE 1
                    S: -ERR not logged in
                    C: NOOP
                    S: -ERR not logged in
                    C: RSET
                    S: -ERR not logged in
                    C: TOP 1 0
                    S: -ERR not logged in
                    C: UIDL
                    S: -ERR not logged in
                    C: PASS secret
                    S: -ERR USER first
                    C: APOP mrose c4c9334bac560ecc979e58001b3e22fb
                    S: -ERR APOP is not supported.*
                    C: FROB
                    S: -ERR unknown command
                    C: USER
                    S: -ERR USER needs a name
                    C: RETR x
                    S: -ERR invalid number x
                    C: USER nobody@example.test
                    S: \\+OK send PASS
                    C: PASS wrong
                    S: -ERR \\[AUTH\\] authentication failed
                    C: PASS wrong
                    S: -ERR USER first
                    C: USER %s
                    S: \\+OK send PASS
                    C: PASS wrong
                    S: -ERR \\[AUTH\\] authentication failed
                    C: QUIT
                    S: \\+OK Postflow POP3 server signing off
                    """.formatted(account));
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void transactionState() throws Exception {
        String account = Pop3Platform.newAccount("transaction");
        String[] uidl = fill(account);
        int total = M1.length() + M2.length() + M3.length();
        try (Pop3TestClient c = client()) {
            c.run("S: \\+OK.*\n" + login(account) + """
                    S: \\+OK maildrop has 3 messages \\(%1$d octets\\)
                    C: STAT
                    S: \\+OK 3 %1$d
                    C: LIST
                    S: \\+OK 3 messages \\(%1$d octets\\)
                    S: 1 %2$d
                    S: 2 %3$d
                    S: 3 %4$d
                    S: \\.
                    C: LIST 2
                    S: \\+OK 2 %3$d
                    C: LIST 4
                    S: -ERR no such message
                    C: LIST 0
                    S: -ERR invalid message number
                    C: UIDL
                    S: \\+OK unique-id listing follows
                    S: 1 %5$s
                    S: 2 %6$s
                    S: 3 %7$s
                    S: \\.
                    C: UIDL 3
                    S: \\+OK 3 %7$s
                    C: UIDL 9
                    S: -ERR no such message
                    C: CAPA
                    S: \\+OK capability list follows
                    S: TOP
                    S: UIDL
                    S: RESP-CODES
                    S: AUTH-RESP-CODE
                    S: PIPELINING
                    S: EXPIRE NEVER
                    S: IMPLEMENTATION Postflow
                    S: \\.
                    C: USER %8$s
                    S: -ERR already logged in
                    C: PASS x
                    S: -ERR already logged in
                    C: STLS
                    S: -ERR already logged in
                    C: AUTH PLAIN
                    S: -ERR already logged in
                    C: NOOP
                    S: \\+OK.*
                    """.formatted(total, M1.length(), M2.length(), M3.length(), uidl[1], uidl[2], uidl[3], account));

            c.send("RETR 1");
            assertThat(c.line()).isEqualTo("+OK " + M1.length() + " octets");
            assertThat(new String(c.multiline(), StandardCharsets.US_ASCII))
                    .isEqualTo("Subject: one\r\n\r\nfirst\r\n..dotted line\r\n.\r\n");
            c.send("TOP 1 0");
            assertThat(c.line()).startsWith("+OK");
            assertThat(new String(c.multiline(), StandardCharsets.US_ASCII)).isEqualTo("Subject: one\r\n\r\n.\r\n");
            c.send("TOP 3 1");
            assertThat(c.line()).startsWith("+OK");
            assertThat(new String(c.multiline(), StandardCharsets.US_ASCII)).isEqualTo("Subject: three\r\n\r\nthird\r\n.\r\n");
            c.send("TOP 2 50");
            assertThat(c.line()).startsWith("+OK");
            assertThat(new String(c.multiline(), StandardCharsets.US_ASCII)).isEqualTo(M2 + ".\r\n");

            c.run("""
                    C: RETR 4
                    S: -ERR no such message
                    C: TOP 4 1
                    S: -ERR no such message
                    C: TOP 1
                    S: -ERR TOP needs a message number and a line count
                    C: DELE 1
                    S: \\+OK message 1 deleted
                    C: DELE 1
                    S: -ERR message 1 already deleted
                    C: RETR 1
                    S: -ERR message 1 already deleted
                    C: TOP 1 0
                    S: -ERR message 1 already deleted
                    C: LIST 1
                    S: -ERR message 1 already deleted
                    C: UIDL 1
                    S: -ERR message 1 already deleted
                    C: STAT
                    S: \\+OK 2 %1$d
                    C: LIST
                    S: \\+OK 2 messages .*
                    S: 2 %2$d
                    S: 3 %3$d
                    S: \\.
                    C: RSET
                    S: \\+OK maildrop has 3 messages .*
                    C: STAT
                    S: \\+OK 3 .*
                    C: DELE 2
                    S: \\+OK message 2 deleted
                    C: DELE 3
                    S: \\+OK message 3 deleted
                    C: QUIT
                    S: \\+OK Postflow POP3 server signing off \\(1 messages left\\)
                    """.formatted(total - M1.length(), M2.length(), M3.length()));
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(Pop3Platform.inboxCount(account)).isEqualTo(1);
        // The next session sees what is left, under the same unique id as before.
        try (Pop3TestClient c = client()) {
            c.run("S: \\+OK.*\n" + login(account) + """
                    S: \\+OK maildrop has 1 messages .*
                    C: UIDL
                    S: \\+OK.*
                    S: 1 %s
                    S: \\.
                    C: QUIT
                    S: \\+OK.*
                    """.formatted(uidl[1]));
        }
    }

    @Test
    void aDroppedConnectionDeletesNothingAndFreesTheMaildrop() throws Exception {
        String account = Pop3Platform.newAccount("dropped");
        fill(account);
        try (Pop3TestClient c = client()) {
            c.run("S: \\+OK.*\n" + login(account) + """
                    S: \\+OK maildrop has 3 messages .*
                    C: DELE 1
                    S: \\+OK.*
                    C: DELE 2
                    S: \\+OK.*
                    """);
        } // closed without QUIT: RFC 1939 §6, no UPDATE state
        awaitLogin(account, "3");
        assertThat(Pop3Platform.inboxCount(account)).isEqualTo(3);
    }

    @Test
    void aSecondSessionGetsInUseWhileTheFirstHoldsTheMaildrop() throws Exception {
        String account = Pop3Platform.newAccount("inuse");
        fill(account);
        try (Pop3TestClient first = client(); Pop3TestClient second = client()) {
            first.run("S: \\+OK.*\n" + login(account) + "S: \\+OK maildrop has 3 messages .*");
            second.run("S: \\+OK.*\n" + login(account) + """
                    S: -ERR \\[IN-USE\\] maildrop is locked by another session
                    C: STAT
                    S: -ERR not logged in
                    """);
            // Longer than the lease's lifetime (3 s in the tests): the holder renews it.
            Thread.sleep(4_000);
            second.run(login(account) + "S: -ERR \\[IN-USE\\].*");
            first.run("C: QUIT\nS: \\+OK.*");
            second.run(login(account) + "S: \\+OK maildrop has 3 messages .*\nC: QUIT\nS: \\+OK.*");
        }
    }

    @Test
    void authPlain() throws Exception {
        String account = Pop3Platform.newAccount("plain");
        String plain = Base64.getEncoder().encodeToString(("\0" + account + "\0" + Pop3Platform.PASSWORD).getBytes(StandardCharsets.UTF_8));
        String wrong = Base64.getEncoder().encodeToString(("\0" + account + "\0nope").getBytes(StandardCharsets.UTF_8));
        String other = Base64.getEncoder().encodeToString(("admin\0" + account + "\0" + Pop3Platform.PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (Pop3TestClient c = client()) {
            c.run("""
                    S: \\+OK.*
                    C: AUTH
                    S: \\+OK mechanisms follow
                    S: PLAIN
                    S: \\.
                    C: AUTH CRAM-MD5
                    S: -ERR unsupported mechanism; use PLAIN
                    C: AUTH PLAIN
                    S: \\+\\s?
                    C: *
                    S: -ERR AUTH cancelled
                    C: AUTH PLAIN !!!
                    S: -ERR invalid base64
                    C: AUTH PLAIN %s
                    S: -ERR \\[AUTH\\] acting as another user is not allowed
                    C: AUTH PLAIN %s
                    S: -ERR \\[AUTH\\] authentication failed
                    C: AUTH PLAIN
                    S: \\+\\s?
                    C: %s
                    S: \\+OK maildrop has 0 messages \\(0 octets\\)
                    C: STAT
                    S: \\+OK 0 0
                    C: LIST
                    S: \\+OK 0 messages \\(0 octets\\)
                    S: \\.
                    C: QUIT
                    S: \\+OK.*
                    """.formatted(other, wrong, plain));
        }
        try (Pop3TestClient c = client()) {
            c.run("S: \\+OK.*\nC: AUTH PLAIN " + plain + "\nS: \\+OK maildrop has 0 messages .*\nC: QUIT\nS: \\+OK.*");
        }
    }

    @Test
    void repeatedAuthenticationFailuresCloseTheConnection() throws Exception {
        String account = Pop3Platform.newAccount("failures");
        try (Pop3TestClient c = client()) {
            c.run("""
                    S: \\+OK.*
                    C: USER %1$s
                    S: \\+OK.*
                    C: PASS wrong1
                    S: -ERR \\[AUTH\\] authentication failed
                    C: USER %1$s
                    S: \\+OK.*
                    C: PASS wrong2
                    S: -ERR \\[AUTH\\] authentication failed
                    C: USER %1$s
                    S: \\+OK.*
                    C: PASS wrong3
                    S: -ERR \\[AUTH\\] authentication failed
                    """.formatted(account));
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void pipelinedCommandsAnswerInOrder() throws Exception {
        String account = Pop3Platform.newAccount("pipelined");
        fill(account);
        try (Pop3TestClient c = client()) {
            c.run("S: \\+OK.*");
            c.sendRaw(("CAPA\r\nUSER " + account + "\r\nPASS " + Pop3Platform.PASSWORD + "\r\nSTAT\r\nUIDL 1\r\nRETR 2\r\n"
                    + "DELE 2\r\nLIST\r\nNOOP\r\nRSET\r\nQUIT\r\n").getBytes(StandardCharsets.US_ASCII));
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = c.line()) != null) {
                lines.add(line);
            }
            assertThat(String.join("\n", lines)).matches("""
                    \\+OK capability list follows
                    (?:[A-Z].*\\n)+\\.
                    \\+OK send PASS
                    \\+OK maildrop has 3 messages .*
                    \\+OK 3 \\d+
                    \\+OK 1 \\d+\\.\\d+
                    \\+OK %d octets
                    Subject: two

                    second
                    \\.
                    \\+OK message 2 deleted
                    \\+OK 2 messages .*
                    1 \\d+
                    3 \\d+
                    \\.
                    \\+OK
                    \\+OK maildrop has 3 messages .*
                    \\+OK Postflow POP3 server signing off \\(3 messages left\\)""".formatted(M2.length()));
        }
    }

    @Test
    void anOverlongLineIsRefusedAndTheConnectionStaysUsable() throws Exception {
        try (Pop3TestClient c = client()) {
            c.run("S: \\+OK.*\nC: USER " + "x".repeat(5000) + "\nS: -ERR line too long\nC: CAPA\nS: \\+OK capability list follows");
            assertThat(new String(c.multiline(), StandardCharsets.US_ASCII)).contains("TOP");
            c.sendRaw("NOOP\nQUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            c.run("S: -ERR invalid character in command");
        }
    }

    @Test
    void anIdleSessionIsClosedWithoutUpdate() throws Exception {
        String account = Pop3Platform.newAccount("idle");
        fill(account);
        try (Pop3TestClient c = client()) {
            c.run("S: \\+OK.*\n" + login(account) + "S: \\+OK.*\nC: DELE 1\nS: \\+OK.*");
            long started = System.nanoTime();
            assertThat(c.line()).isEqualTo("-ERR idle for too long, closing");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofSeconds(Pop3Platform.IDLE_SECONDS - 2));
            assertThat(c.closedByServer()).isTrue();
        }
        awaitLogin(account, "3");
    }

    @Test
    void connectionsPerAddressAreLimited() throws Exception {
        List<Pop3TestClient> open = new ArrayList<>();
        try {
            // Other tests' connections may still be closing: fill up to the limit, whatever is left.
            while (true) {
                Pop3TestClient c = client();
                open.add(c);
                String greeting = c.line();
                if (greeting.startsWith("-ERR")) {
                    assertThat(greeting).isEqualTo("-ERR [SYS/TEMP] too many connections from your address, try again later");
                    assertThat(c.closedByServer()).isTrue();
                    break;
                }
                assertThat(open).hasSizeLessThanOrEqualTo(Pop3Platform.MAX_PER_ADDRESS);
            }
        } finally {
            for (Pop3TestClient c : open) {
                c.close();
            }
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try (Pop3TestClient c = client()) {
                assertThat(c.line()).startsWith("+OK");
            }
        });
    }

    /** The maildrop is free again (its lease is released asynchronously after a drop): log in and check STAT. */
    private void awaitLogin(String account, String messages) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try (Pop3TestClient c = client()) {
                c.run("S: \\+OK.*\n" + login(account) + "S: \\+OK maildrop has " + messages + " messages .*\nC: QUIT\nS: \\+OK.*");
            }
        });
    }

    @Test
    void topOfAHeaderOnlyMessageAndOfALargeOneKeepsTheSessionUsable() throws Exception {
        String account = Pop3Platform.newAccount("top");
        String bare = "Subject: bare\r\nX-Note: no body at all\r\n";
        StringBuilder large = new StringBuilder("Subject: large\r\n\r\n");
        for (int i = 0; large.length() < 3 * ContentStreamer.DRAIN_LIMIT; i++) {
            large.append("line ").append(i).append(" of a message too large to read to its end for a TOP\r\n");
        }
        Pop3Platform.append(account, bare.getBytes(StandardCharsets.US_ASCII));
        Pop3Platform.append(account, large.toString().getBytes(StandardCharsets.US_ASCII));
        try (Pop3TestClient c = client()) {
            c.run("S: \\+OK.*\n" + login(account) + "S: \\+OK.*");
            c.send("TOP 1 0");
            assertThat(c.line()).startsWith("+OK");
            assertThat(new String(c.multiline(), StandardCharsets.US_ASCII)).isEqualTo(bare + ".\r\n");
            // The rest of the large one is cut at mailbox-service (connection reset), the small ones drained:
            // either way every following command is answered.
            for (int round = 0; round < 10; round++) {
                c.send("TOP 2 " + round);
                assertThat(c.line()).startsWith("+OK");
                String expected = large.substring(0, large.indexOf("\r\n\r\n") + 4);
                for (int i = 0; i < round; i++) {
                    expected += "line " + i + " of a message too large to read to its end for a TOP\r\n";
                }
                assertThat(new String(c.multiline(), StandardCharsets.US_ASCII)).isEqualTo(expected + ".\r\n");
                c.send("TOP 1 5");
                assertThat(c.line()).startsWith("+OK");
                assertThat(new String(c.multiline(), StandardCharsets.US_ASCII)).isEqualTo(bare + ".\r\n");
            }
            c.run("C: STAT\nS: \\+OK 2 " + (bare.length() + large.length()) + "\nC: QUIT\nS: \\+OK.*");
        }
    }
}
