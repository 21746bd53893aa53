package io.postflow.gateway.pop3.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A raw POP3 connection for transcript tests: {@code C:} lines are sent verbatim (CRLF added),
 * {@code S:} lines are regular expressions each matched against the next line from the server.
 */
final class Pop3TestClient implements AutoCloseable {

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    private Pop3TestClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(15_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    static Pop3TestClient connect(int port) throws IOException {
        return new Pop3TestClient(new Socket(InetAddress.getLoopbackAddress(), port));
    }

    static Pop3TestClient connectTls(int port) throws Exception {
        SSLSocket tls = (SSLSocket) trustAll().getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
        tls.startHandshake();
        return new Pop3TestClient(tls);
    }

    void send(String line) throws IOException {
        sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next line without CRLF, or null at the end of the stream. */
    String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            line.write(b);
            previous = b;
        }
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

    /** Runs a transcript; returns every server line read. */
    List<String> run(String transcript) throws IOException {
        List<String> seen = new ArrayList<>();
        for (String step : transcript.strip().split("\n")) {
            step = step.stripLeading();
            String rest = step.length() > 3 ? step.substring(3) : "";
            if (step.startsWith("C:")) {
                send(rest);
            } else if (step.startsWith("S:")) {
                String line = line();
                seen.add(line);
                assertThat(line).as("after " + seen).isNotNull();
                assertThat(Pattern.compile(rest).matcher(line).matches())
                        .as("server line %s should match %s (lines so far %s)", line, rest, seen).isTrue();
            } else if (!step.isBlank()) {
                throw new IllegalArgumentException("transcript line must start with C: or S: " + step);
            }
        }
        return seen;
    }

    /** TLS handshake on the open connection (after STLS), trusting any certificate. */
    void startTls() throws Exception {
        SSLSocket tls = (SSLSocket) trustAll().getSocketFactory()
                .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
        tls.startHandshake();
        socket = tls;
        in = tls.getInputStream();
        out = tls.getOutputStream();
    }

    private static SSLContext trustAll() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return context;
    }

    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
