package io.postflow.relay.config;

import io.postflow.common.directory.DirectoryView;
import io.postflow.directory.DirectoryReader;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The directory this instance routes from: {@code directory.addresses} read in full by a
 * {@link DirectoryReader} of its own (no consumer group), as smtp-ingress does. Readiness stays
 * DOWN and the workers do not consume until it caught up ({@link RelayReadiness}).
 */
@Singleton
public class DirectoryBeans {

    private final DirectoryView view = new DirectoryView();
    private DirectoryReader reader;

    @Produces
    @Singleton
    DirectoryView directoryView() {
        return view;
    }

    // Before the workers (default priority 2500): they wait for this view to be loaded.
    void start(@Observes @Priority(100) StartupEvent event, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        reader = new DirectoryReader(bootstrapServers, view, "relay-worker").start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (reader != null) {
            reader.close();
        }
    }
}
