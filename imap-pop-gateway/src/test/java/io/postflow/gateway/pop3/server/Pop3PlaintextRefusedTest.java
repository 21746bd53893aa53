package io.postflow.gateway.pop3.server;

import io.postflow.testkit.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With {@code postflow.auth.allow-plaintext-on-loopback=false} (the container setting) no password
 * crosses an unencrypted connection, loopback or not (RFC 2595 §2, CONTRACT): CAPA offers neither
 * USER nor SASL PLAIN before STLS, and both are refused.
 */
@QuarkusTest
@TestProfile(Pop3PlaintextRefusedTest.NoPlaintext.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(Pop3Platform.class)
class Pop3PlaintextRefusedTest {

    public static class NoPlaintext implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("postflow.auth.allow-plaintext-on-loopback", "false");
        }
    }

    @Inject
    Pop3Server server;

    @Test
    void passwordsOnlyAfterStls() throws Exception {
        String account = Pop3Platform.newAccount("notls");
        try (Pop3TestClient c = Pop3TestClient.connect(server.port("pop3"))) {
            c.run("""
                    S: \\+OK.*
                    C: CAPA
                    S: \\+OK capability list follows
                    S: TOP
                    S: UIDL
                    S: RESP-CODES
                    S: AUTH-RESP-CODE
                    S: PIPELINING
                    S: STLS
                    S: EXPIRE NEVER
                    S: IMPLEMENTATION Postflow
                    S: \\.
                    C: USER %1$s
                    S: -ERR \\[AUTH\\] plain-text login needs TLS first \\(STLS\\)
                    C: PASS %2$s
                    S: -ERR USER first
                    C: AUTH PLAIN AGFsaWNlAHB3
                    S: -ERR \\[AUTH\\] plain-text authentication needs TLS first \\(STLS\\)
                    C: AUTH
                    S: \\+OK mechanisms follow
                    S: \\.
                    C: STLS
                    S: \\+OK begin TLS negotiation
                    """.formatted(account, Pop3Platform.PASSWORD));
            c.startTls();
            c.run(Pop3TestClient.CAPA_OVER_TLS);
            c.run("""
                    C: USER %1$s
                    S: \\+OK send PASS
                    C: PASS %2$s
                    S: \\+OK maildrop has 0 messages .*
                    C: QUIT
                    S: \\+OK.*
                    """.formatted(account, Pop3Platform.PASSWORD));
        }
    }
}
