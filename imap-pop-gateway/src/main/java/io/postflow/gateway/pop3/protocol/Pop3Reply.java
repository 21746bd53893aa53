package io.postflow.gateway.pop3.protocol;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A status line, {@code +OK} or {@code -ERR} with an optional response code (RFC 2449 §8), and for
 * multi-line answers the lines that follow (RFC 1939 §3: dot-stuffed, ended by {@code .}).
 *
 * @param lines null for a single-line answer, else the lines of a multi-line one (maybe none)
 */
public record Pop3Reply(boolean ok, ResponseCode code, String text, List<String> lines) {

    public static Pop3Reply ok(String text) {
        return new Pop3Reply(true, null, text, null);
    }

    public static Pop3Reply multiline(String text, List<String> lines) {
        return new Pop3Reply(true, null, text, List.copyOf(lines));
    }

    public static Pop3Reply err(String text) {
        return new Pop3Reply(false, null, text, null);
    }

    public static Pop3Reply err(ResponseCode code, String text) {
        return new Pop3Reply(false, code, text, null);
    }

    /** The status line with CRLF, and the multi-line body with its terminating dot. */
    public byte[] encode() {
        StringBuilder out = new StringBuilder(ok ? "+OK" : "-ERR");
        if (code != null) {
            out.append(" [").append(code.text()).append(']');
        }
        if (text != null && !text.isEmpty()) {
            out.append(' ').append(text);
        }
        out.append("\r\n");
        if (lines != null) {
            for (String line : lines) {
                if (line.startsWith(".")) {
                    out.append('.');
                }
                out.append(line).append("\r\n");
            }
            out.append(".\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
