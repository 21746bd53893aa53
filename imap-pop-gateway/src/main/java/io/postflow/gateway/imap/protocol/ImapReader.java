package io.postflow.gateway.imap.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A cursor over one complete command as it came off the wire: lines joined by CRLF with each
 * literal's octets right after its {@code {n}} announcement. Methods read one RFC 3501 §9 token
 * each and fail with IllegalArgumentException, which the parser turns into BAD.
 */
public final class ImapReader {

    private final byte[] in;
    private int pos;

    public ImapReader(byte[] command) {
        this.in = command;
    }

    /** An independent cursor at the same position, for look-ahead. */
    public ImapReader copy() {
        ImapReader copy = new ImapReader(in);
        copy.pos = pos;
        return copy;
    }

    public boolean atEnd() {
        return pos >= in.length;
    }

    public int peek() {
        return atEnd() ? -1 : in[pos] & 0xff;
    }

    public void expect(char c) {
        if (peek() != c) {
            throw new IllegalArgumentException(atEnd() ? "missing '" + c + "'" : "expected '" + c + "'");
        }
        pos++;
    }

    public boolean skip(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    public void sp() {
        expect(' ');
    }

    public void end() {
        if (!atEnd()) {
            throw new IllegalArgumentException("unexpected characters at end of command");
        }
    }

    /** atom: 1*ATOM-CHAR. */
    public String atom() {
        return run(ImapReader::atomChar, "atom");
    }

    /** The tag: ASTRING-CHAR except '+'. */
    public String tag() {
        return run(c -> astringChar(c) && c != '+', "tag");
    }

    public String upperAtom() {
        return atom().toUpperCase(Locale.ROOT);
    }

    /** astring: 1*ASTRING-CHAR / string, decoded as UTF-8. */
    public String astring() {
        return new String(astringBytes(), StandardCharsets.UTF_8);
    }

    public byte[] astringBytes() {
        int c = peek();
        if (c == '"' || c == '{' || c == '~') {
            return string();
        }
        return run(ImapReader::astringChar, "astring").getBytes(StandardCharsets.US_ASCII);
    }

    /** A mailbox name: astring in modified UTF-7; INBOX in any case is INBOX (RFC 3501 §5.1). */
    public String mailbox() {
        String raw = astring();
        String decoded = ModifiedUtf7.decode(raw);
        return decoded.equalsIgnoreCase("INBOX") ? "INBOX" : decoded;
    }

    /** list-mailbox: 1*list-char / string (list-char adds % and *), decoded from modified UTF-7. */
    public String listMailbox() {
        int c = peek();
        String raw = c == '"' || c == '{' ? new String(string(), StandardCharsets.UTF_8)
                : run(ch -> astringChar(ch) || ch == '%' || ch == '*', "list-mailbox");
        return ModifiedUtf7.decode(raw);
    }

    /** string: quoted / literal. */
    public byte[] string() {
        int c = peek();
        if (c == '"') {
            return quoted();
        }
        if (c == '{' || c == '~') {
            return literal();
        }
        throw new IllegalArgumentException("expected a string");
    }

    private byte[] quoted() {
        expect('"');
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (true) {
            int c = peek();
            if (c < 0 || c == '\r' || c == '\n') {
                throw new IllegalArgumentException("unterminated quoted string");
            }
            pos++;
            if (c == '"') {
                return out.toByteArray();
            }
            if (c == '\\') {
                int next = peek();
                if (next != '"' && next != '\\') {
                    throw new IllegalArgumentException("only \\\" and \\\\ may be escaped in a quoted string");
                }
                pos++;
                c = next;
            }
            out.write(c);
        }
    }

    /** {@code {n}CRLF} or {@code {n+}CRLF} followed by n octets (the framer put them there). */
    public byte[] literal() {
        skip('~'); // literal8 (RFC 3516) is read like a literal
        expect('{');
        long n = digits();
        skip('+');
        expect('}');
        expect('\r');
        expect('\n');
        if (n > in.length - pos) {
            throw new IllegalArgumentException("literal shorter than announced");
        }
        byte[] out = java.util.Arrays.copyOfRange(in, pos, pos + (int) n);
        pos += (int) n;
        return out;
    }

    /** nstring: string / NIL. */
    public byte[] nstring() {
        if (peek() == '"' || peek() == '{') {
            return string();
        }
        String atom = atom();
        if (!atom.equalsIgnoreCase("NIL")) {
            throw new IllegalArgumentException("expected a string or NIL");
        }
        return null;
    }

    public long number() {
        long n = digits();
        if (n > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("number too large");
        }
        return n;
    }

    /** number64 (RFC 9051 §9): up to 2^63 - 1. */
    public long number64() {
        return digits();
    }

    public long nzNumber() {
        long n = number();
        if (n == 0) {
            throw new IllegalArgumentException("number must not be zero");
        }
        return n;
    }

    /** {@code mod-sequence-valzer} (RFC 7162 §7): 0 to 2^63-1. */
    public long modseq() {
        try {
            return digits();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("mod-sequence too large");
        }
    }

    private long digits() {
        int start = pos;
        while (peek() >= '0' && peek() <= '9') {
            pos++;
        }
        if (pos == start || pos - start > 19) {
            throw new IllegalArgumentException("expected a number");
        }
        return Long.parseLong(new String(in, start, pos - start, StandardCharsets.US_ASCII));
    }

    public SequenceSet sequenceSet() {
        return SequenceSet.parse(run(c -> (c >= '0' && c <= '9') || c == ':' || c == ',' || c == '*', "sequence set"));
    }

    /** flag-list: "(" [flag *(SP flag)] ")". */
    public List<String> flagList() {
        expect('(');
        List<String> flags = new ArrayList<>();
        while (!skip(')')) {
            if (!flags.isEmpty()) {
                sp();
            }
            flags.add(flag());
        }
        return flags;
    }

    /** A flag: {@code \Atom} or a keyword atom. */
    public String flag() {
        if (skip('\\')) {
            return "\\" + atom();
        }
        return atom();
    }

    /** Reads characters matching {@code test}; the run must not be empty. */
    private String run(CharTest test, String what) {
        int start = pos;
        while (!atEnd() && test.accepts(peek())) {
            pos++;
        }
        if (pos == start) {
            throw new IllegalArgumentException("expected " + what);
        }
        return new String(in, start, pos - start, StandardCharsets.US_ASCII);
    }

    /** The rest of the command as text (for AUTHENTICATE's initial response). */
    public String rest() {
        String s = new String(in, pos, in.length - pos, StandardCharsets.US_ASCII);
        pos = in.length;
        return s;
    }

    /** A FETCH attribute name up to a {@code [} or {@code <}: letters, digits and dots. */
    public String fetchName() {
        return run(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.',
                "fetch attribute").toUpperCase(Locale.ROOT);
    }

    static boolean atomChar(int c) {
        return c > 0x20 && c < 0x7f && c != '(' && c != ')' && c != '{' && c != '%' && c != '*' && c != '"'
                && c != '\\' && c != ']';
    }

    static boolean astringChar(int c) {
        return atomChar(c) || c == ']';
    }

    @FunctionalInterface
    private interface CharTest {
        boolean accepts(int c);
    }
}
