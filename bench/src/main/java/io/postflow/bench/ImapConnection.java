package io.postflow.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A minimal blocking IMAP4rev1 client for the benchmarks: one command at a time, untagged lines
 * collected (literals in them read whole), STARTTLS trusting any certificate (a benchmark measures,
 * it does not authenticate the server). Written against RFC 3501 so it measures any server.
 */
final class ImapConnection implements AutoCloseable {

    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)\\+?}$");
    private static final Pattern EXISTS = Pattern.compile("^\\* (\\d+) EXISTS$");

    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int tags;
    private int exists = -1;

    private ImapConnection(Socket socket) throws IOException {
        use(socket);
    }

    /** Connects, upgrades with STARTTLS when asked, and logs in. */
    static ImapConnection open(String host, int port, boolean startTls, String user, String password) throws IOException {
        Socket plain = new Socket(host, port);
        plain.setTcpNoDelay(true);
        plain.setSoTimeout(60_000);
        ImapConnection imap = new ImapConnection(plain);
        String greeting = imap.line();
        if (!greeting.startsWith("* OK")) {
            throw new IOException("greeting: " + greeting);
        }
        if (startTls) {
            imap.command("STARTTLS");
            SSLSocket tls = (SSLSocket) trustAll().getSocketFactory().createSocket(plain, host, port, true);
            tls.startHandshake();
            imap.use(tls);
        }
        imap.command("LOGIN " + quoted(user) + " " + quoted(password));
        return imap;
    }

    /** Sends one command and returns its untagged responses; fails unless the answer is OK. */
    List<String> command(String command) throws IOException {
        String tag = "b" + (++tags);
        out.write((tag + " " + command + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        List<String> untagged = new ArrayList<>();
        while (true) {
            String line = response();
            if (line.startsWith(tag + " ")) {
                if (!line.startsWith(tag + " OK")) {
                    throw new IOException(command + " -> " + line);
                }
                return untagged;
            }
            Matcher m = EXISTS.matcher(line);
            if (m.matches()) {
                exists = Integer.parseInt(m.group(1));
            }
            untagged.add(line);
        }
    }

    /** The last EXISTS count the server announced in this session, -1 before any. */
    int exists() {
        return exists;
    }

    /** One response line, with the literals it announces appended as text. */
    private String response() throws IOException {
        StringBuilder response = new StringBuilder(line());
        Matcher literal = LITERAL.matcher(response);
        while (literal.find()) {
            int size = Integer.parseInt(literal.group(1));
            byte[] bytes = in.readNBytes(size);
            if (bytes.length < size) {
                throw new IOException("connection closed in a literal");
            }
            response.append("\r\n").append(new String(bytes, StandardCharsets.ISO_8859_1)).append(line());
            literal = LITERAL.matcher(response);
        }
        return response.toString();
    }

    private String line() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        int previous = -1;
        int b;
        while ((b = in.read()) >= 0) {
            if (previous == '\r' && b == '\n') {
                byte[] all = bytes.toByteArray();
                return new String(all, 0, all.length - 1, StandardCharsets.ISO_8859_1);
            }
            bytes.write(b);
            previous = b;
        }
        throw new IOException("connection closed");
    }

    private void use(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    }

    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static SSLContext trustAll() throws IOException {
        try {
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
            }}, new SecureRandom());
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            command("LOGOUT");
        } catch (IOException ignored) {
            // closing anyway
        } finally {
            socket.close();
        }
    }
}
