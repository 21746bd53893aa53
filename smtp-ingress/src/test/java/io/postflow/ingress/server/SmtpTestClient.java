package io.postflow.ingress.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** A blocking line-level SMTP client for socket tests: sends raw lines, reads whole replies. */
final class SmtpTestClient implements AutoCloseable {

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    private SmtpTestClient(Socket socket) throws IOException {
        attach(socket);
    }

    static SmtpTestClient plain(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        return new SmtpTestClient(socket);
    }

    static SmtpTestClient implicitTls(int port) throws Exception {
        SSLSocket socket = (SSLSocket) trustAll().getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        socket.startHandshake();
        return new SmtpTestClient(socket);
    }

    /** Wraps the connection in TLS, as a client does after 220 to STARTTLS. */
    void startTls() throws Exception {
        SSLSocket tls = (SSLSocket) trustAll().getSocketFactory().createSocket(socket, "127.0.0.1", socket.getPort(), true);
        tls.setUseClientMode(true);
        tls.startHandshake();
        attach(tls);
    }

    String tlsProtocol() {
        return ((SSLSocket) socket).getSession().getProtocol();
    }

    private void attach(Socket s) throws IOException {
        this.socket = s;
        this.in = s.getInputStream();
        this.out = s.getOutputStream();
    }

    void send(String line) throws IOException {
        sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** One whole reply: its lines up to the one with a space after the code. */
    List<String> reply() throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        do {
            line = line();
            if (line == null) {
                throw new IOException("connection closed; got " + lines);
            }
            lines.add(line);
        } while (line.length() > 3 && line.charAt(3) == '-');
        return lines;
    }

    /** The last line of the next reply. */
    String last() throws IOException {
        List<String> lines = reply();
        return lines.get(lines.size() - 1);
    }

    /** True when the server closed the connection (reads end of stream). */
    boolean closedByServer() throws IOException {
        return in.read() < 0;
    }

    private String line() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int previous = -1;
        int b;
        while ((b = in.read()) >= 0) {
            if (previous == '\r' && b == '\n') {
                byte[] all = bytes.toByteArray();
                return new String(all, 0, all.length - 1, StandardCharsets.UTF_8);
            }
            bytes.write(b);
            previous = b;
        }
        return null;
    }

    static SSLContext trustAll() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // Tests talk to their own self-signed certificate.
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        return context;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
