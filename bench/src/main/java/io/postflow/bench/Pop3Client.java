package io.postflow.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A minimal blocking POP3 client for the benchmark (RFC 1939): one command at a time, the status
 * line checked, multi-line answers read up to the terminating {@code CRLF.CRLF} with the byte-stuffed
 * leading dot removed (§3), so a body line that starts with a dot never ends the answer early. Not
 * thread-safe; one per session thread.
 */
final class Pop3Client implements AutoCloseable {

    /** A multi-line answer: its status line, its lines (dot-unstuffed) and their octets with CRLFs. */
    record Listing(String status, int lines, long octets) {
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    Pop3Client(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(120_000);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = new BufferedOutputStream(socket.getOutputStream(), 1024);
        String greeting = readLine();
        if (!greeting.startsWith("+OK")) {
            throw new IOException("unexpected greeting: " + greeting);
        }
    }

    /** USER/PASS in the clear, which the gateway allows from loopback in its default local profile. */
    void login(String user, String password) throws IOException {
        require(command("USER " + user), "USER");
        require(command("PASS " + password), "PASS");
    }

    /** Sends a command with a one-line answer; returns that status line. */
    String command(String command) throws IOException {
        send(command);
        return readLine();
    }

    /**
     * Sends a command with a multi-line answer on success (LIST, UIDL, RETR n, TOP n 0); reads it
     * to its end. On {@code -ERR} there is no body (§3), and the listing holds only the status.
     */
    Listing multiLine(String command) throws IOException {
        return multiLine(command, null);
    }

    /** As {@link #multiLine(String)}, each unstuffed line also added to {@code keep} unless it is null. */
    Listing multiLine(String command, List<String> keep) throws IOException {
        send(command);
        String status = readLine();
        if (!status.startsWith("+OK")) {
            return new Listing(status, 0, 0);
        }
        int lines = 0;
        long octets = 0;
        while (true) {
            String text = readLine();
            if (text.equals(".")) {
                return new Listing(status, lines, octets);
            }
            // RFC 1939 §3: a line that begins with the termination octet was stuffed with one more.
            String unstuffed = text.startsWith(".") ? text.substring(1) : text;
            if (keep != null) {
                keep.add(unstuffed);
            }
            octets += unstuffed.length() + 2;
            lines++;
        }
    }

    /** The message count of STAT's {@code +OK n size}. */
    int stat() throws IOException {
        String status = require(command("STAT"), "STAT");
        return Integer.parseInt(status.split(" ")[1]);
    }

    static String require(String status, String what) throws IOException {
        if (!status.startsWith("+OK")) {
            throw new IOException(what + " failed: " + status);
        }
        return status;
    }

    private void send(String command) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One line without its CRLF, as ISO-8859-1 so that every octet of a body is counted once. */
    private String readLine() throws IOException {
        line.reset();
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (previous == '\r' && b == '\n') {
                return new String(line.toByteArray(), 0, line.size() - 1, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            previous = b;
        }
    }

    /** QUIT (leaving the maildrop unchanged and its lock released), then the socket closed. */
    @Override
    public void close() {
        try {
            command("QUIT");
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }
}
