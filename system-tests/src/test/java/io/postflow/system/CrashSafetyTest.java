package io.postflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Accepting a message means it is durable: during a burst, processes of the platform die and come
 * back, and every message answered {@code 250} must end in the recipient's INBOX exactly once.
 * Messages answered otherwise (451 while the broker is away) may arrive or not; they are not
 * counted. Each test prints {@code accepted / delivered / duplicates}.
 */
class CrashSafetyTest {

    private static final String DOMAIN = "crash.test";
    private static final String PASSWORD = "crash-password-1";
    private static final int MESSAGES = 500;
    private static final int SESSIONS = 4;

    private static Platform platform;
    private static AdminApi admin;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
        admin = new AdminApi(platform);
        admin.domain(DOMAIN);
    }

    @Test
    void killingRelayMailboxAndGatewayMidBurstLosesAndDuplicatesNothing() throws Exception {
        String user = account("services");
        try (Burst burst = new Burst(platform.port("smtp.mx"), user, "services", MESSAGES, SESSIONS, 40).start()) {
            burst.awaitAnswered(100);
            crashAndRestart("relay-worker");
            burst.awaitAnswered(250);
            crashAndRestart("mailbox-service");
            burst.awaitAnswered(400);
            crashAndRestart("imap-pop-gateway");
            verify(user, burst, burst.finish(300));
        }
    }

    @Test
    void aKafkaBrokerRestartMidBurstLosesNoAcceptedMessage() throws Exception {
        String user = account("kafka");
        try (Burst burst = new Burst(platform.port("smtp.mx"), user, "kafka", MESSAGES, SESSIONS, 40).start()) {
            burst.awaitAnswered(150);
            platform.kill9("kafka");
            Thread.sleep(3_000); // the ingress answers 451 meanwhile
            platform.up();
            verify(user, burst, burst.finish(300));
        }
    }

    @Test
    void aDatabaseOutageMidBurstLosesAndDuplicatesNothing() throws Exception {
        String user = account("database");
        try (Burst burst = new Burst(platform.port("smtp.mx"), user, "database", MESSAGES, SESSIONS, 40).start()) {
            burst.awaitAnswered(150);
            // All of the platform's connections dropped and new ones refused, as in a server restart.
            platform.database().cutOff();
            try {
                Thread.sleep(5_000);
            } finally {
                platform.database().restore();
            }
            verify(user, burst, burst.finish(300));
        }
    }

    private static String account(String name) {
        String address = name + "@" + DOMAIN;
        admin.account(address, PASSWORD);
        // CONTRACT: honoured by every service within 5 seconds; the burst must not start before.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> rcptAccepted(address));
        return address;
    }

    private static void crashAndRestart(String service) {
        platform.kill9(service);
        platform.up();
    }

    private static void verify(String user, Burst burst, Set<Integer> accepted) throws Exception {
        // Everything accepted must arrive; the admin API counts, IMAP then tells which ones.
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .untilAsserted(() -> assertThat(admin.messages(user, "INBOX")).isGreaterThanOrEqualTo(accepted.size()));
        Thread.sleep(2_000); // a late duplicate, if any, would land now

        Map<Integer, Integer> copies = new HashMap<>();
        try (ImapReader imap = new ImapReader(platform.port("imap"), user, PASSWORD)) {
            List<String> subjects = imap.subjects("INBOX");
            for (int n = 0; n < MESSAGES; n++) {
                String subject = burst.subject(n);
                int count = (int) subjects.stream().filter(subject::equals).count();
                if (count > 0) {
                    copies.put(n, count);
                }
            }
        }
        Set<Integer> lost = new TreeSet<>(accepted);
        lost.removeAll(copies.keySet());
        Set<Integer> duplicated = new TreeSet<>();
        accepted.stream().filter(n -> copies.getOrDefault(n, 0) > 1).forEach(duplicated::add);
        long deliveredAccepted = accepted.stream().filter(copies::containsKey).count();
        System.out.printf("crash safety [%s]: sent %d, accepted (250) %d, delivered of those %d, lost %d, duplicates %d,"
                        + " not accepted %d (of which delivered anyway %d)%n", user, MESSAGES, accepted.size(), deliveredAccepted,
                lost.size(), duplicated.size(), MESSAGES - accepted.size(), copies.size() - deliveredAccepted);
        assertThat(lost).as("accepted but lost; refusals seen: %s", burst.refusals()).isEmpty();
        assertThat(duplicated).as("accepted and delivered more than once").isEmpty();
        assertThat(accepted).as("most of the burst is accepted despite the fault").hasSizeGreaterThan(MESSAGES / 2);
    }

    private static boolean rcptAccepted(String address) throws Exception {
        try (SmtpDialog smtp = new SmtpDialog(platform.port("smtp.mx"))) {
            smtp.say(null);
            smtp.say("EHLO mta.remote.example");
            smtp.say("MAIL FROM:<probe@remote.example>");
            return smtp.say("RCPT TO:<" + address + ">").startsWith("250 ");
        }
    }
}
