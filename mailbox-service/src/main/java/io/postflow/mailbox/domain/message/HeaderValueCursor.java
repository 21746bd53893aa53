package io.postflow.mailbox.domain.message;

import java.util.function.Consumer;

/**
 * Reads the lexical pieces that structured header values share (RFC 5322 §3.2: CFWS, quoted strings,
 * domain literals; RFC 2045 §5.1 uses the same ones for MIME parameters). Every read stops at the end of
 * the text, so unbalanced quotes or comments in broken mail end the value instead of failing.
 */
final class HeaderValueCursor {

    /** RFC 2045 §5.1: tspecials, which a MIME token cannot contain. */
    private static final String TSPECIALS = "()<>@,;:\\\"/[]?=";

    private final String text;
    private int pos;

    HeaderValueCursor(String text) {
        this.text = text;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    char peek() {
        return text.charAt(pos);
    }

    boolean at(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    void skip() {
        pos++;
    }

    int position() {
        return pos;
    }

    String substring(int from, int to) {
        return text.substring(from, to);
    }

    /** Moves back to a position read before. */
    void reset(int position) {
        pos = position;
    }

    /** Moves to the next c (not past it), or to the end. */
    void skipTo(char c) {
        int next = text.indexOf(c, pos);
        pos = next < 0 ? text.length() : next;
    }

    /**
     * Skips whitespace and comments (RFC 5322 §3.2.2 CFWS). Comments nest and may hold quoted pairs;
     * each outermost comment's text goes to the sink when there is one.
     */
    void skipCfws(Consumer<String> comments) {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                pos++;
            } else if (c == '(') {
                String comment = comment();
                if (comments != null) {
                    comments.accept(comment);
                }
            } else {
                return;
            }
        }
    }

    /** At a DQUOTE: the quoted string's content with quoted pairs undone (RFC 5322 §3.2.4). */
    String quotedString() {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                break;
            }
            if (c == '\\' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** At '[': the domain literal as written, brackets included (RFC 5322 §3.4.1). */
    String domainLiteral() {
        int start = pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == ']') {
                break;
            }
            if (c == '\\' && pos < text.length()) {
                pos++;
            }
        }
        return text.substring(start, pos);
    }

    /** RFC 2045 §5.1 token: any CHAR except SPACE, CTLs and tspecials. */
    String token() {
        int start = pos;
        while (pos < text.length() && isTokenChar(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    /** A run of RFC 5322 atext, '.' and non-ASCII (RFC 6532) characters: an atom or dot-atom, or obs-phrase words. */
    String atoms() {
        int start = pos;
        while (pos < text.length() && isAtomChar(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    static boolean isTokenChar(char c) {
        return c > 32 && c < 127 && TSPECIALS.indexOf(c) < 0;
    }

    /** RFC 5322 §3.2.3 atext, plus '.' (obs-phrase, dot-atom) and UTF-8 text (RFC 6532 §3.2). */
    static boolean isAtomChar(char c) {
        if (c >= 0x80) {
            return true;
        }
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return "!#$%&'*+-/=?^_`{|}~.".indexOf(c) >= 0;
    }

    private String comment() {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                out.append(text.charAt(pos++));
                continue;
            }
            if (c == '(') {
                if (depth++ == 0) {
                    continue;
                }
            } else if (c == ')' && --depth == 0) {
                break;
            }
            out.append(c);
        }
        return out.toString().trim();
    }
}
