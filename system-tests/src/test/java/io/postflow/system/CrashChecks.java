package io.postflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The count every crash test ends with: accepted = delivered, duplicates = 0, printed. */
final class CrashChecks {

    /** Messages per burst. */
    static final int MESSAGES = 500;

    private CrashChecks() {
    }

    static void verify(Platform platform, AdminApi admin, String user, String password, Burst burst, Set<Integer> accepted) throws Exception {
        // Everything accepted must arrive; the admin API counts, IMAP then tells which ones.
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .untilAsserted(() -> assertThat(admin.messages(user, "INBOX")).isGreaterThanOrEqualTo(accepted.size()));
        Thread.sleep(2_000); // a late duplicate, if any, would land now

        Map<Integer, Integer> copies = new HashMap<>();
        try (ImapReader imap = new ImapReader(platform.port("imap"), user, password)) {
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

    static boolean rcptAccepted(Platform platform, String address) throws Exception {
        try (SmtpDialog smtp = new SmtpDialog(platform.port("smtp.mx"))) {
            smtp.say(null);
            smtp.say("EHLO mta.remote.example");
            smtp.say("MAIL FROM:<probe@remote.example>");
            return smtp.say("RCPT TO:<" + address + ">").startsWith("250 ");
        }
    }
}
