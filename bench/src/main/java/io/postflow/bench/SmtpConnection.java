package io.postflow.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal blocking SMTP client for the benchmarks: one transaction at a time, the message
 * already dot-stuffed and CRLF-terminated, and the time from the final dot to the 250 measured.
 */
final class SmtpConnection implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    SmtpConnection(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(60_000);
        in = socket.getInputStream();
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        expect("220");
        command("EHLO bench.client.test", "250");
    }

    /** Sends one message; returns the nanoseconds from the final dot to the 250. */
    long send(String from, String to, byte[] body) throws IOException {
        command("MAIL FROM:<" + from + "> SIZE=" + body.length, "250");
        command("RCPT TO:<" + to + ">", "250");
        command("DATA", "354");
        out.write(body);
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        long dot = System.nanoTime();
        out.flush();
        expect("250");
        return System.nanoTime() - dot;
    }

    /** True if the server takes {@code to} as a recipient now (RCPT 250), the transaction reset after. */
    boolean accepts(String to) throws IOException {
        command("MAIL FROM:<probe@bench.client.test>", "250");
        out.write(("RCPT TO:<" + to + ">\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        boolean accepted = reply().startsWith("250");
        command("RSET", "250");
        return accepted;
    }

    private void command(String line, String code) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(code);
    }

    private void expect(String code) throws IOException {
        String line = reply();
        if (!line.startsWith(code)) {
            throw new IOException("expected " + code + ", got " + line);
        }
    }

    /** The last line of a whole (possibly multi-line) reply. */
    private String reply() throws IOException {
        String line;
        do {
            line = line();
        } while (line.length() > 3 && line.charAt(3) == '-');
        return line;
    }

    private String line() throws IOException {
        StringBuilder text = new StringBuilder();
        int previous = -1;
        int b;
        while ((b = in.read()) >= 0) {
            if (previous == '\r' && b == '\n') {
                return text.substring(0, text.length() - 1);
            }
            text.append((char) b);
            previous = b;
        }
        throw new IOException("connection closed");
    }

    @Override
    public void close() throws IOException {
        try {
            command("QUIT", "221");
        } finally {
            socket.close();
        }
    }
}
