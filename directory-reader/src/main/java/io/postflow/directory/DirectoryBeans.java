package io.postflow.directory;

import io.postflow.common.directory.DirectoryView;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The directory a service answers from (smtp-ingress: RCPT; relay-worker: routing):
 * {@code directory.addresses} read in full by a {@link DirectoryReader} of the service's own (no
 * consumer group), started with the service. Each service's readiness stays DOWN until the view
 * caught up, and the relay's workers wait for it before consuming.
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

    // Before the relay's workers (default priority 2500), which wait for this view to be loaded.
    void start(@Observes @Priority(100) StartupEvent event,
               @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
               @ConfigProperty(name = "quarkus.application.name") String service) {
        reader = new DirectoryReader(bootstrapServers, view, service).start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (reader != null) {
            reader.close();
        }
    }
}
