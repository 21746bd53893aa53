package io.postflow.relay.endtoend;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The application as it runs in production: routing hands remote mail to the real
 * {@code SmtpOutboundTransport}. The module's other {@code @QuarkusTest}s replace the transport with
 * {@code ScriptedTransport} (an enabled alternative); this profile leaves that bean out of the build
 * (a build-time key, so the profile gets an application of its own). The test clock stays.
 */
public class RealTransportProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.arc.exclude-types", "io.postflow.relay.support.ScriptedTransport");
    }
}
