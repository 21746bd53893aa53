package io.postflow.ingress.config;

import io.postflow.common.directory.DirectoryView;
import io.postflow.directory.DirectoryReader;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The directory this instance answers RCPT from: {@code directory.addresses} read in full by a
 * {@link DirectoryReader} of its own (no consumer group), started with the service. Readiness
 * stays DOWN until it caught up ({@link DirectoryReadiness}).
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

    void start(@Observes StartupEvent event, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        reader = new DirectoryReader(bootstrapServers, view, "smtp-ingress").start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (reader != null) {
            reader.close();
        }
    }
}
