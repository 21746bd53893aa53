package io.postflow.gateway.imap.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Builds response bytes (RFC 3501 §7): strings go out as atoms, quoted strings or literals,
 * whichever their content allows, so no value can break the line structure.
 */
public final class ImapWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);

    public ImapWriter raw(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public ImapWriter bytes(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    public ImapWriter sp() {
        out.write(' ');
        return this;
    }

    public ImapWriter number(long n) {
        return raw(Long.toString(n));
    }

    /** A string: quoted when it is short 7-bit text without CR/LF, else a literal. */
    public ImapWriter string(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (quotable(bytes)) {
            out.write('"');
            for (byte b : bytes) {
                if (b == '"' || b == '\\') {
                    out.write('\\');
                }
                out.write(b);
            }
            out.write('"');
            return this;
        }
        return literal(bytes);
    }

    public ImapWriter nstring(String value) {
        return value == null ? raw("NIL") : string(value);
    }

    /** An astring: an atom when possible (mailbox names look natural), else a string. */
    public ImapWriter astring(String value) {
        if (!value.isEmpty() && value.chars().allMatch(ImapReader::astringChar) && !value.equalsIgnoreCase("NIL")) {
            return raw(value);
        }
        return string(value);
    }

    /** A mailbox name in modified UTF-7. */
    public ImapWriter mailbox(String name) {
        return astring(ModifiedUtf7.encode(name));
    }

    public ImapWriter literal(byte[] bytes) {
        raw("{" + bytes.length + "}\r\n");
        out.writeBytes(bytes);
        return this;
    }

    /** {@code (a b c)} with each element written raw (flags, attributes). */
    public ImapWriter list(Collection<String> atoms) {
        out.write('(');
        boolean first = true;
        for (String atom : atoms) {
            if (!first) {
                out.write(' ');
            }
            first = false;
            raw(atom);
        }
        out.write(')');
        return this;
    }

    public ImapWriter crlf() {
        out.write('\r');
        out.write('\n');
        return this;
    }

    public byte[] toBytes() {
        return out.toByteArray();
    }

    public int size() {
        return out.size();
    }

    private static boolean quotable(byte[] bytes) {
        if (bytes.length > 1024) {
            return false;
        }
        for (byte b : bytes) {
            if (b == '\r' || b == '\n' || b == 0 || b < 0) {
                return false;
            }
        }
        return true;
    }
}
