package io.postflow.relay.endtoend;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts the {@link RemoteWorld} before the application and points the relay at it: its DNS
 * responder, its MX port, and a "this platform" address list without loopback, so sinks on
 * 127.0.0.x are remote hosts rather than a mail loop. Tests get the world in a field of that type.
 */
public class RemoteWorldResource implements QuarkusTestResourceLifecycleManager {

    private RemoteWorld world;

    @Override
    public Map<String, String> start() {
        world = new RemoteWorld();
        return Map.of(
                "postflow.relay.dns-servers", world.dns.hostPort(),
                "postflow.relay.mx-port", Integer.toString(world.port),
                "postflow.relay.local-addresses", "192.0.2.66/32",
                "postflow.relay.smtp.connect-timeout", "PT5S");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(world, new TestInjector.MatchesType(RemoteWorld.class));
    }

    @Override
    public void stop() {
        if (world != null) {
            world.close();
        }
    }
}
