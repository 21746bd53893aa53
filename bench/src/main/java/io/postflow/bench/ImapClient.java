package io.postflow.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal blocking IMAP4rev1 client for the benchmark: one command at a time (no pipelining), the
 * whole answer read up to the tagged status, literals ({@code {n}CRLF} followed by n octets) read by
 * count so that message bodies never desynchronise it. Not thread-safe; one per session thread (only
 * {@link #done()} may come from another thread, to end an IDLE that thread is reading).
 */
final class ImapClient implements AutoCloseable {

    /** One command's answer: the untagged lines (literals inlined) and the tagged status line. */
    record Answer(List<String> untagged, String status) {
        boolean ok() {
            return status.startsWith("OK");
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int tag;
    private volatile int exists = -1;
    private String idleTag;

    ImapClient(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(120_000);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        String greeting = response();
        if (!greeting.startsWith("* OK") && !greeting.startsWith("* PREAUTH")) {
            throw new IOException("unexpected greeting: " + greeting);
        }
    }

    void login(String user, String password) throws IOException {
        require(command("LOGIN " + quoted(user) + " " + quoted(password)), "LOGIN");
    }

    /** Sends one command and reads until its tagged answer. */
    Answer command(String line) throws IOException {
        String t = "b" + (++tag);
        out.write((t + " " + line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return answer(t);
    }

    /** APPEND with a synchronising literal: waits for the continuation before sending the message. */
    Answer append(String mailbox, byte[] message) throws IOException {
        String t = "b" + (++tag);
        out.write((t + " APPEND " + quoted(mailbox) + " {" + message.length + "}\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        String next = response();
        if (!next.startsWith("+")) {
            return new Answer(List.of(), next.startsWith(t + " ") ? next.substring(t.length() + 1) : next);
        }
        out.write(message);
        out.write('\r');
        out.write('\n');
        out.flush();
        return answer(t);
    }

    /**
     * Starts IDLE (RFC 2177): sends the command and reads up to the server's continuation. Then
     * the session's thread reads the pushed responses with {@link #idleResponse()} until
     * {@link #isIdleEnd(String)}, after some thread called {@link #done()}.
     */
    void idle() throws IOException {
        idleTag = "b" + (++tag);
        out.write((idleTag + " IDLE\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        while (true) {
            String response = response();
            if (response.startsWith("+")) {
                return;
            }
            if (response.startsWith(idleTag + " ")) {
                throw new IOException("IDLE refused: " + response.substring(idleTag.length() + 1));
            }
            noteExists(response);
        }
    }

    /** The next response while idling (an untagged push, or the tagged end after DONE); EXISTS noted. */
    String idleResponse() throws IOException {
        String response = response();
        noteExists(response);
        return response;
    }

    /** Whether response is the tagged answer that ends the current IDLE. */
    boolean isIdleEnd(String response) {
        return idleTag != null && response.startsWith(idleTag + " ");
    }

    /**
     * Ends IDLE: writes DONE. Only the write happens here, so another thread may call it while the
     * session's own thread is blocked in {@link #idleResponse()}, which then reads the tagged OK.
     */
    void done() throws IOException {
        synchronized (out) {
            out.write("DONE\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    private Answer answer(String t) throws IOException {
        List<String> untagged = new ArrayList<>();
        while (true) {
            String response = response();
            if (response.startsWith(t + " ")) {
                return new Answer(untagged, response.substring(t.length() + 1));
            }
            noteExists(response);
            untagged.add(response);
        }
    }

    private void noteExists(String response) {
        if (response.startsWith("* ") && response.endsWith(" EXISTS")) {
            exists = Integer.parseInt(response.substring(2, response.length() - " EXISTS".length()));
        }
    }

    /** One response line with its literals inlined (as ISO-8859-1 text, so every octet is kept). */
    private String response() throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream(256);
        while (true) {
            int lineStart = text.size();
            readLine(text);
            int literal = literalCount(text.toByteArray(), lineStart);
            if (literal < 0) {
                return text.toString(StandardCharsets.ISO_8859_1);
            }
            byte[] octets = in.readNBytes(literal);
            if (octets.length < literal) {
                throw new IOException("connection closed in a literal");
            }
            text.write(octets);
        }
    }

    /** Appends one line, without its CRLF, to text. */
    private void readLine(ByteArrayOutputStream text) throws IOException {
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (previous == '\r' && b == '\n') {
                byte[] all = text.toByteArray();
                text.reset();
                text.write(all, 0, all.length - 1);
                return;
            }
            text.write(b);
            previous = b;
        }
    }

    /** n when the line ends with {n}, else -1. */
    private static int literalCount(byte[] text, int lineStart) {
        int end = text.length;
        if (end - lineStart < 3 || text[end - 1] != '}') {
            return -1;
        }
        int open = end - 2;
        while (open > lineStart && text[open] >= '0' && text[open] <= '9') {
            open--;
        }
        if (text[open] != '{' || open == end - 2) {
            return -1;
        }
        return Integer.parseInt(new String(text, open + 1, end - open - 2, StandardCharsets.US_ASCII));
    }

    /** The last {@code * n EXISTS} the server sent in this session, -1 before any. */
    int exists() {
        return exists;
    }

    static Answer require(Answer answer, String what) throws IOException {
        if (!answer.ok()) {
            throw new IOException(what + " failed: " + answer.status());
        }
        return answer;
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        try {
            command("LOGOUT");
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
