package io.postflow.gateway.pop3.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.gateway.testing.LineClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocket;

/**
 * A raw POP3 connection for transcript tests (see {@link LineClient}), also over POP3S, which also
 * reads multi-line answers.
 */
final class Pop3TestClient extends LineClient {

    /** CAPA on a connection in TLS before login: USER and SASL PLAIN, no STLS. */
    static final String CAPA_OVER_TLS = """
            C: CAPA
            S: \\+OK capability list follows
            S: TOP
            S: UIDL
            S: USER
            S: SASL PLAIN
            S: RESP-CODES
            S: AUTH-RESP-CODE
            S: PIPELINING
            S: EXPIRE NEVER
            S: IMPLEMENTATION Postflow
            S: \\.
            """;

    private Pop3TestClient(Socket socket) throws IOException {
        super(socket);
    }

    static Pop3TestClient connect(int port) throws IOException {
        return new Pop3TestClient(new Socket(InetAddress.getLoopbackAddress(), port));
    }

    static Pop3TestClient connectTls(int port) throws Exception {
        SSLSocket tls = (SSLSocket) trustAll().getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
        tls.startHandshake();
        return new Pop3TestClient(tls);
    }

    /** The raw bytes of a multi-line answer's body up to and including the terminating {@code .CRLF}. */
    byte[] multiline() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String line = line();
            assertThat(line).as("connection closed inside a multi-line answer").isNotNull();
            body.writeBytes((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            if (line.equals(".")) {
                return body.toByteArray();
            }
        }
    }
}
