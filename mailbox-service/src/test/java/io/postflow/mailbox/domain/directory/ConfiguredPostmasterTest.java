package io.postflow.mailbox.domain.directory;

import static io.postflow.mailbox.support.AdminClient.createAccount;
import static io.postflow.mailbox.support.AdminClient.createDomain;
import static io.postflow.mailbox.support.AdminClient.uniqueDomain;

import io.postflow.common.directory.DirectoryEntry.Account;
import io.postflow.common.directory.DirectoryEntry.Alias;
import io.postflow.mailbox.support.DirectoryTopic;
import io.postflow.testkit.KafkaTestResource;
import io.postflow.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** With postflow.directory.postmaster-account set, postmaster@ of every domain goes there. */
@QuarkusTest
@TestProfile(ConfiguredPostmasterTest.HostmasterProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ConfiguredPostmasterTest {

    public static class HostmasterProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("postflow.directory.postmaster-account", "Hostmaster@Ops.Example");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void everyDomainWithoutItsOwnPostmasterRoutesToTheConfiguredAccount() {
        String domain = uniqueDomain("configured");
        try (DirectoryTopic topic = DirectoryTopic.open(bootstrapServers)) {
            createDomain(domain);
            topic.awaitEntry(new Alias("postmaster@" + domain, List.of("hostmaster@ops.example")));
            createAccount("alice@" + domain);
            topic.awaitEntry(new Account("alice@" + domain));
            topic.awaitEntry(new Alias("postmaster@" + domain, List.of("hostmaster@ops.example")));
            createAccount("postmaster@" + domain);
            topic.awaitEntry(new Account("postmaster@" + domain));
        }
    }
}
