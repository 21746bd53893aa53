package io.postflow.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
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
 * A raw connection to a line-based listener (IMAP, POP3) for transcript tests: {@code C:} lines are
 * sent verbatim (CRLF added), {@code S:} lines are regular expressions each matched against the next
 * line from the server. Each protocol's client adds what only it reads (tagged answers, multi-line
 * answers).
 */
public class LineClient implements AutoCloseable {

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    protected LineClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(15_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    public void send(String line) throws IOException {
        sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next line without CRLF, or null at the end of the stream. */
    public String line() throws IOException {
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

    /** Runs a transcript; returns every server line read. */
    public List<String> run(String transcript) throws IOException {
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

    /** TLS handshake on the open connection (after STARTTLS or STLS), trusting any certificate. */
    public void startTls() throws Exception {
        SSLSocket tls = (SSLSocket) trustAll().getSocketFactory()
                .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
        tls.startHandshake();
        socket = tls;
        in = tls.getInputStream();
        out = tls.getOutputStream();
    }

    /** A TLS context that trusts any certificate: the listeners under test have a self-signed one. */
    public static SSLContext trustAll() throws Exception {
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

    /** True at the end of the stream; a reset counts too, as a server that closes on unread input sends one. */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketException reset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
