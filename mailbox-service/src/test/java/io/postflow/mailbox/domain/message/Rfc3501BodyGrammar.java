package io.postflow.mailbox.domain.message;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A recursive-descent recogniser for the RFC 3501 §9 productions {@code envelope} and {@code body}, with
 * every SP, NIL and nesting rule checked as written: what passes here is what a strict client parser
 * accepts. It works on the UTF-8 octets, so that literal counts are checked too. Tests use it on our
 * answers and on Dovecot's recorded ones alike.
 *
 * <p>The one choice the grammar leaves to the reader: a part whose type is "MESSAGE" "RFC822" is read as
 * {@code body-type-msg}, one whose type is "TEXT" as {@code body-type-text}, any other as
 * {@code body-type-basic} (quoted strings in ABNF match case-insensitively, RFC 5234 §2.3).
 */
final class Rfc3501BodyGrammar {

    private final byte[] in;
    private int pos;

    private Rfc3501BodyGrammar(byte[] in, int pos) {
        this.in = in;
        this.pos = pos;
    }

    /** Checks that text is exactly one {@code envelope}; throws IllegalArgumentException naming the spot. */
    static void envelope(String text) {
        Rfc3501BodyGrammar reader = new Rfc3501BodyGrammar(text.getBytes(StandardCharsets.UTF_8), 0);
        reader.envelope();
        reader.expectEnd(text);
    }

    /**
     * Checks that text is exactly one {@code body}.
     *
     * @param extensible true for BODYSTRUCTURE, which must carry the extension data this package always
     *                   writes; false for BODY, which must not carry any
     */
    static void body(String text, boolean extensible) {
        Rfc3501BodyGrammar reader = new Rfc3501BodyGrammar(text.getBytes(StandardCharsets.UTF_8), 0);
        Shape shape = reader.body();
        reader.expectEnd(text);
        if (extensible ? !shape.allExtended : shape.anyExtended) {
            throw new IllegalArgumentException((extensible ? "extension data missing in " : "extension data in BODY: ")
                    + text);
        }
    }

    /** Where the envelope that starts at offset pos of the octets ends. */
    static int envelopeEnd(byte[] octets, int pos) {
        Rfc3501BodyGrammar reader = new Rfc3501BodyGrammar(octets, pos);
        reader.envelope();
        return reader.pos;
    }

    /** Where the body that starts at offset pos of the octets ends. */
    static int bodyEnd(byte[] octets, int pos) {
        Rfc3501BodyGrammar reader = new Rfc3501BodyGrammar(octets, pos);
        reader.body();
        return reader.pos;
    }

    /** Whether every part of a body carries extension data, and whether any does. */
    private record Shape(boolean allExtended, boolean anyExtended) {
        Shape and(Shape other) {
            return new Shape(allExtended && other.allExtended, anyExtended || other.anyExtended);
        }
    }

    // envelope = "(" env-date SP env-subject SP env-from SP env-sender SP env-reply-to SP env-to SP
    //            env-cc SP env-bcc SP env-in-reply-to SP env-message-id ")"
    private void envelope() {
        expect('(');
        nstring();
        sp();
        nstring();
        for (int i = 0; i < 6; i++) {
            sp();
            addressList();
        }
        sp();
        nstring();
        sp();
        nstring();
        expect(')');
    }

    // env-from etc. = "(" 1*address ")" / nil
    private void addressList() {
        if (nil()) {
            return;
        }
        expect('(');
        do {
            address();
        } while (peek() == '(');
        expect(')');
    }

    // address = "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"
    private void address() {
        expect('(');
        nstring();
        sp();
        nstring();
        sp();
        nstring();
        sp();
        nstring();
        expect(')');
    }

    // body = "(" (body-type-1part / body-type-mpart) ")"
    private Shape body() {
        expect('(');
        Shape shape = peek() == '(' ? multipart() : singlePart();
        expect(')');
        return shape;
    }

    // body-type-mpart = 1*body SP media-subtype [SP body-ext-mpart]
    private Shape multipart() {
        Shape shape = body();
        while (peek() == '(') {
            shape = shape.and(body());
        }
        sp();
        string();
        boolean extended = peek() == ' ';
        if (extended) {
            sp();
            bodyFieldParam(); // body-ext-mpart = body-fld-param [SP body-fld-dsp [SP body-fld-lang ...]]
            extensionTail();
        }
        return shape.and(new Shape(extended, extended));
    }

    // body-type-1part = (body-type-basic / body-type-msg / body-type-text) [SP body-ext-1part]
    private Shape singlePart() {
        String type = string().toUpperCase(Locale.ROOT);
        sp();
        String subtype = string().toUpperCase(Locale.ROOT);
        sp();
        bodyFields();
        Shape inner = new Shape(true, false);
        if (type.equals("MESSAGE") && subtype.equals("RFC822")) {
            // body-type-msg = media-message SP body-fields SP envelope SP body SP body-fld-lines
            sp();
            envelope();
            sp();
            inner = body();
            sp();
            number();
        } else if (type.equals("TEXT")) {
            sp();
            number(); // body-fld-lines
        }
        boolean extended = peek() == ' ';
        if (extended) {
            // body-ext-1part = body-fld-md5 [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc ...]]]
            sp();
            nstring();
            extensionTail();
        }
        return inner.and(new Shape(extended, extended));
    }

    // body-fields = body-fld-param SP body-fld-id SP body-fld-desc SP body-fld-enc SP body-fld-octets
    private void bodyFields() {
        bodyFieldParam();
        sp();
        nstring();
        sp();
        nstring();
        sp();
        string();
        sp();
        number();
    }

    // [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc *(SP body-extension)]]]
    private void extensionTail() {
        if (peek() != ' ') {
            return;
        }
        sp();
        // body-fld-dsp = "(" string SP body-fld-param ")" / nil
        if (!nil()) {
            expect('(');
            string();
            sp();
            bodyFieldParam();
            expect(')');
        }
        if (peek() != ' ') {
            return;
        }
        sp();
        // body-fld-lang = nstring / "(" string *(SP string) ")"
        if (peek() == '(') {
            expect('(');
            string();
            while (peek() == ' ') {
                sp();
                string();
            }
            expect(')');
        } else {
            nstring();
        }
        if (peek() != ' ') {
            return;
        }
        sp();
        nstring(); // body-fld-loc
        while (peek() == ' ') {
            sp();
            bodyExtension();
        }
    }

    // body-extension = nstring / number / "(" body-extension *(SP body-extension) ")"
    private void bodyExtension() {
        if (peek() == '(') {
            expect('(');
            bodyExtension();
            while (peek() == ' ') {
                sp();
                bodyExtension();
            }
            expect(')');
        } else if (peek() >= '0' && peek() <= '9') {
            number();
        } else {
            nstring();
        }
    }

    // body-fld-param = "(" string SP string *(SP string SP string) ")" / nil
    private void bodyFieldParam() {
        if (nil()) {
            return;
        }
        expect('(');
        string();
        sp();
        string();
        while (peek() == ' ') {
            sp();
            string();
            sp();
            string();
        }
        expect(')');
    }

    private void nstring() {
        if (!nil()) {
            string();
        }
    }

    private boolean nil() {
        if (pos + 3 <= in.length && in[pos] == 'N' && in[pos + 1] == 'I' && in[pos + 2] == 'L') {
            pos += 3;
            return true;
        }
        return false;
    }

    // string = quoted / literal
    private String string() {
        if (peek() == '"') {
            return quoted();
        }
        if (peek() == '{') {
            return literal();
        }
        throw error("string expected");
    }

    // The text between the quotes, escapes left in: callers only compare media types.
    // quoted = DQUOTE *QUOTED-CHAR DQUOTE; QUOTED-CHAR = <any TEXT-CHAR except quoted-specials> /
    //          "\" quoted-specials. 8-bit octets are accepted as RFC 6855 UTF-8 quoted strings.
    private String quoted() {
        int start = ++pos;
        while (true) {
            if (pos >= in.length) {
                throw error("unterminated quoted string");
            }
            byte c = in[pos++];
            if (c == '"') {
                return new String(in, start, pos - start - 1, StandardCharsets.UTF_8);
            }
            if (c == '\\') {
                if (pos >= in.length || (in[pos] != '"' && in[pos] != '\\')) {
                    throw error("bad escape in quoted string");
                }
                pos++;
            } else if (c == 0 || c == '\r' || c == '\n') {
                throw error("CHAR not allowed in a quoted string: " + c);
            }
        }
    }

    // literal = "{" number "}" CRLF *CHAR8
    private String literal() {
        pos++;
        int count = (int) number();
        expect('}');
        expect('\r');
        expect('\n');
        if (pos + count > in.length) {
            throw error("literal runs past the end");
        }
        for (int i = pos; i < pos + count; i++) {
            if (in[i] == 0) {
                throw error("NUL in a literal");
            }
        }
        String text = new String(in, pos, count, StandardCharsets.UTF_8);
        pos += count;
        return text;
    }

    private long number() {
        int start = pos;
        while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
            pos++;
        }
        if (start == pos) {
            throw error("number expected");
        }
        return Long.parseLong(new String(in, start, pos - start, StandardCharsets.US_ASCII));
    }

    private void sp() {
        expect(' ');
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("'" + c + "' expected");
        }
        pos++;
    }

    private int peek() {
        return pos < in.length ? in[pos] : -1;
    }

    private void expectEnd(String text) {
        if (pos != in.length) {
            throw error("trailing data after the value in " + text);
        }
    }

    private IllegalArgumentException error(String what) {
        int from = Math.max(0, pos - 30);
        int to = Math.min(in.length, pos + 30);
        return new IllegalArgumentException(what + " at octet " + pos + ": ..."
                + new String(in, from, to - from, StandardCharsets.UTF_8) + "...");
    }
}
