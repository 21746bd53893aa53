package io.postflow.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A bare SMTP conversation for the checks a mail library hides: the exact reply to one command. */
final class SmtpDialog implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    SmtpDialog(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Sends a line (CRLF added) unless null, and returns the last line of the reply. */
    String say(String line) throws IOException {
        if (line != null) {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        String reply;
        do {
            reply = line();
        } while (reply.length() > 3 && reply.charAt(3) == '-');
        return reply;
    }

    private String line() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                bytes.write(b);
            }
        }
        if (b < 0) {
            throw new IOException("connection closed after " + bytes);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
