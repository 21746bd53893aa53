package io.postflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two relay-workers and two mailbox-services in the same consumer groups share the partitions
 * (each instance's {@code assigned.partitions} gauge is above zero and they add up to the topic's
 * partitions), and when one instance of each dies mid-burst and stays dead, the survivors take its
 * partitions over and every accepted message still arrives exactly once.
 */
class ScaleOutTest {

    private static final String DOMAIN = "scale.test";
    private static final String PASSWORD = "scale-password-1";
    private static final int PARTITIONS = 6; // mail.accepted and mail.deliver in topics.conf

    private static Platform platform;
    private static AdminApi admin;

    @BeforeAll
    static void twoOfEach() {
        platform = Platform.get();
        admin = new AdminApi(platform);
        admin.domain(DOMAIN);
        platform.scaleOut("relay-worker", 2);
        platform.scaleOut("mailbox-service", 2);
    }

    @AfterAll
    static void restartTheKilled() {
        platform.up(); // the later test classes find the full platform again
    }

    @Test
    void instancesShareThePartitionsAndTheSurvivorsTakeOverFromKilledOnes() throws Exception {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            int relay1 = owned("relay-worker", "postflow_relay_assigned_partitions\\{[^}]*loop=\"accepted\"[^}]*\\}");
            int relay2 = owned("relay-worker-2", "postflow_relay_assigned_partitions\\{[^}]*loop=\"accepted\"[^}]*\\}");
            int mailbox1 = owned("mailbox-service", "postflow_delivery_assigned_partitions(\\{[^}]*\\})?");
            int mailbox2 = owned("mailbox-service-2", "postflow_delivery_assigned_partitions(\\{[^}]*\\})?");
            System.out.printf("partitions: mail.accepted relay-worker %d + relay-worker-2 %d; mail.deliver mailbox-service %d + mailbox-service-2 %d%n",
                    relay1, relay2, mailbox1, mailbox2);
            assertThat(relay1).isPositive();
            assertThat(relay2).isPositive();
            assertThat(relay1 + relay2).isEqualTo(PARTITIONS);
            assertThat(mailbox1).isPositive();
            assertThat(mailbox2).isPositive();
            assertThat(mailbox1 + mailbox2).isEqualTo(PARTITIONS);
        });

        String user = "scaled@" + DOMAIN;
        admin.account(user, PASSWORD);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> CrashChecks.rcptAccepted(platform, user));
        try (Burst burst = new Burst(platform.port("smtp.mx"), user, "scaled", CrashChecks.MESSAGES, 4, 40).start()) {
            burst.awaitAnswered(150);
            platform.kill9("relay-worker-2");
            burst.awaitAnswered(300);
            platform.kill9("mailbox-service-2");
            CrashChecks.verify(platform, admin, user, PASSWORD, burst, burst.finish(300));
        }
        assertThat(owned("relay-worker", "postflow_relay_assigned_partitions\\{[^}]*loop=\"accepted\"[^}]*\\}"))
                .as("the surviving relay owns every partition").isEqualTo(PARTITIONS);
        assertThat(owned("mailbox-service", "postflow_delivery_assigned_partitions(\\{[^}]*\\})?"))
                .as("the surviving mailbox-service owns every partition").isEqualTo(PARTITIONS);
    }

    private static int owned(String instance, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+)$").matcher(platform.metrics(instance));
        if (!m.find()) {
            throw new AssertionError("no " + series + " in the metrics of " + instance);
        }
        return (int) Double.parseDouble(m.group(m.groupCount()));
    }
}
