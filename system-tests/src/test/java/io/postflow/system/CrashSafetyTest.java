package io.postflow.system;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
    private static final int MESSAGES = CrashChecks.MESSAGES;
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
            CrashChecks.verify(platform, admin, user, PASSWORD, burst, burst.finish(300));
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
            CrashChecks.verify(platform, admin, user, PASSWORD, burst, burst.finish(300));
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
            CrashChecks.verify(platform, admin, user, PASSWORD, burst, burst.finish(300));
        }
    }

    private static String account(String name) {
        String address = name + "@" + DOMAIN;
        admin.account(address, PASSWORD);
        // CONTRACT: honoured by every service within 5 seconds; the burst must not start before.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> CrashChecks.rcptAccepted(platform, address));
        return address;
    }

    private static void crashAndRestart(String service) {
        platform.kill9(service);
        platform.up();
    }

}
