package io.postflow.gateway.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A raw IMAP connection for transcript tests: {@code C:} lines are sent verbatim (CRLF added),
 * {@code S:} lines are regular expressions each matched against the next line from the server.
 */
final class ImapTestClient implements AutoCloseable {

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    ImapTestClient(InetAddress host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setSoTimeout(15_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    static ImapTestClient connect(int port) throws IOException {
        return new ImapTestClient(InetAddress.getLoopbackAddress(), port);
    }

    void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
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

    /** Lines up to and including the one starting with {@code tag + " "}. */
    List<String> until(String tag) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        do {
            line = line();
            assertThat(line).as("connection closed before the tagged response of " + tag + "; got " + lines).isNotNull();
            lines.add(line);
        } while (!line.startsWith(tag + " "));
        return lines;
    }

    /** Runs a transcript; returns every server line read. */
    List<String> run(String transcript) throws IOException {
        List<String> seen = new ArrayList<>();
        for (String step : transcript.strip().split("\n")) {
            step = step.stripLeading();
            // Text blocks drop trailing spaces: "C:" alone is an empty line, "S:" alone expects one.
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

    /** TLS handshake on the open connection (after STARTTLS), trusting any certificate. */
    void startTls() throws Exception {
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        }}, null);
        javax.net.ssl.SSLSocket tls = (javax.net.ssl.SSLSocket) context.getSocketFactory()
                .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
        tls.startHandshake();
        socket = tls;
        in = tls.getInputStream();
        out = tls.getOutputStream();
    }

    boolean closedByServer() throws IOException {
        return in.read() < 0;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
