package io.postflow.mailbox.domain.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the entities of a message and their byte offsets in one pass over its lines.
 *
 * <p>Mime4j's stream parser cannot give offsets: each nesting level reads through its own 4 KiB buffer,
 * so a counting stream underneath counts read-ahead, and the events leave out line breaks and ignored
 * lines. This scanner works on the raw bytes instead and keeps a stack of the open multiparts'
 * delimiters, the way RFC 2046 §5.1.1 defines them:
 * <ul>
 *   <li>A line is a delimiter line if it starts with "--" and a boundary. RFC 2046 says "it is sufficient
 *       that the boundary appear in its entirety following the CRLF", so anything after it on the line is
 *       ignored. Innermost boundaries are checked first. An enclosing boundary ends all the multiparts
 *       inside it, so a missing close delimiter does not swallow the rest of the message.</li>
 *   <li>The line break before a delimiter line belongs to the delimiter, not to the part before it. This
 *       holds even when it is the last line break of a part's header.</li>
 *   <li>A line ends at LF, with or without CR before it. Bare LF is accepted so that stored mail with Unix
 *       line ends still gets a usable structure.</li>
 * </ul>
 * Nothing here can fail. A multipart with no usable boundary, or with no delimiter in its body, becomes
 * one text/plain part. So do containers deeper than {@link #MAX_DEPTH} and encoded message/rfc822
 * bodies. After {@link #MAX_PARTS} parts, further delimiters count as epilogue.
 */
final class MimeScanner {

    /** Containers nested deeper than this are not entered: real mail nests a handful of levels. */
    static final int MAX_DEPTH = 32;
    /** Bounds BODYSTRUCTURE and part-table size for hostile messages (Dovecot caps parts similarly). */
    static final int MAX_PARTS = 10_000;
    /** RFC 2046 §5.1.1 allows 70 characters; longer is tolerated, but not without limit. */
    private static final int MAX_BOUNDARY = 200;
    private static final byte[] DASH_DASH = {'-', '-'};

    private final byte[] raw;
    private final List<byte[]> delimiters = new ArrayList<>(); // "--" + boundary, innermost last
    private int pos; // start of the current line
    private int lfBeforePos; // LF octets in raw[0, pos): line counts are differences of this
    private int partCount;

    private MimeScanner(byte[] raw) {
        this.raw = raw;
    }

    /** The message as an entity tree; its offsets are always within raw and in order. */
    static MimeEntity scan(byte[] raw) {
        return new MimeScanner(raw).entity(0, ContentHeaders.Implicit.TEXT_PLAIN);
    }

    private MimeEntity entity(int depth, ContentHeaders.Implicit implicit) {
        int headerStart = pos;
        MimeHeader.Builder builder = new MimeHeader.Builder(raw);
        int bodyStart = readHeader(headerStart, builder);
        int lfAtBodyStart = lfBefore(bodyStart);
        boolean bodyFollows = pos == bodyStart; // false when a delimiter or the end cut the header short
        MimeHeader header = builder.build();
        ContentHeaders content = ContentHeaders.of(header, implicit);

        List<MimeEntity> parts = List.of();
        MimeEntity message = null;
        if (content.isMultipart()) {
            byte[] delimiter = delimiter(content.param("boundary"));
            if (delimiter != null && depth < MAX_DEPTH && bodyFollows) {
                parts = parts(delimiter, depth, content.childImplicit());
            }
            if (parts.isEmpty()) {
                content = content.opaque();
                skipBody();
            }
        } else if (content.isMessageRfc822()) {
            if (depth < MAX_DEPTH && bodyFollows && content.hasIdentityEncoding()) {
                message = entity(depth + 1, ContentHeaders.Implicit.TEXT_PLAIN);
            } else {
                content = content.opaque();
                skipBody();
            }
        } else {
            skipBody();
        }
        int end = endBeforeDelimiter(bodyStart);
        return new MimeEntity(headerStart, bodyStart, end, lfBefore(end) - lfAtBodyStart, header, content, parts,
                message);
    }

    /**
     * Reads header lines up to and including the blank line that ends the header (RFC 5322 §2.1), or up
     * to a delimiter line or the end of the message, and returns where the body starts.
     */
    private int readHeader(int headerStart, MimeHeader.Builder builder) {
        while (pos < raw.length && delimiterAt(pos) < 0) {
            int next = nextLine(pos);
            int contentEnd = contentEnd(pos, next);
            if (contentEnd == pos) {
                advance(next);
                return pos;
            }
            builder.line(pos, contentEnd);
            advance(next);
        }
        return endBeforeDelimiter(headerStart);
    }

    /** The body parts of a multipart: preamble, then a part after each delimiter, then the epilogue. */
    private List<MimeEntity> parts(byte[] delimiter, int depth, ContentHeaders.Implicit childImplicit) {
        delimiters.add(delimiter);
        int own = delimiters.size() - 1;
        List<MimeEntity> parts = new ArrayList<>();
        while (pos < raw.length) {
            int found = delimiterAt(pos);
            if (found < 0) {
                advance(nextLine(pos)); // preamble
                continue;
            }
            if (found < own) {
                break; // an enclosing multipart's delimiter: this one was never closed
            }
            boolean close = startsWith(pos + delimiter.length, DASH_DASH);
            advance(nextLine(pos));
            if (close || partCount >= MAX_PARTS) {
                break;
            }
            partCount++;
            parts.add(entity(depth + 1, childImplicit));
        }
        delimiters.remove(own);
        skipBody(); // the epilogue, up to an enclosing delimiter
        return parts;
    }

    private void skipBody() {
        while (pos < raw.length && delimiterAt(pos) < 0) {
            advance(nextLine(pos));
        }
    }

    /**
     * Where content that stops at the current line ends: before the line break that belongs to the
     * delimiter line at pos (RFC 2046 §5.1.1), or at the end of the message, never before lowerBound.
     */
    private int endBeforeDelimiter(int lowerBound) {
        if (pos >= raw.length) {
            return raw.length;
        }
        int end = pos;
        if (end > lowerBound && raw[end - 1] == '\n') {
            end--;
            if (end > lowerBound && raw[end - 1] == '\r') {
                end--;
            }
        }
        return end;
    }

    /** Index in the delimiter stack of the boundary the line at p starts with, innermost first, or -1. */
    private int delimiterAt(int p) {
        if (delimiters.isEmpty() || p + 1 >= raw.length || raw[p] != '-' || raw[p + 1] != '-') {
            return -1;
        }
        for (int i = delimiters.size() - 1; i >= 0; i--) {
            if (startsWith(p, delimiters.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** "--" + boundary, or null if the boundary cannot delimit anything (RFC 2046 §5.1.1 bchars, 1-70). */
    private static byte[] delimiter(String boundary) {
        if (boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY) {
            return null;
        }
        for (int i = 0; i < boundary.length(); i++) {
            char c = boundary.charAt(i);
            if (c < 32 || c > 126) {
                return null;
            }
        }
        return ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
    }

    private boolean startsWith(int p, byte[] prefix) {
        if (p + prefix.length > raw.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (raw[p + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Start of the line after the one at p: just past its LF, or the end of the message. */
    private int nextLine(int p) {
        for (int i = p; i < raw.length; i++) {
            if (raw[i] == '\n') {
                return i + 1;
            }
        }
        return raw.length;
    }

    /** End of the line's content: before its LF and a CR before that. */
    private int contentEnd(int start, int next) {
        int end = next;
        if (end > start && raw[end - 1] == '\n') {
            end--;
        }
        if (end > start && raw[end - 1] == '\r') {
            end--;
        }
        return end;
    }

    private void advance(int next) {
        if (next > pos && raw[next - 1] == '\n') {
            lfBeforePos++;
        }
        pos = next;
    }

    /** LF octets before x, for x no further back than the line break before pos. */
    private int lfBefore(int x) {
        int count = lfBeforePos;
        for (int i = x; i < pos; i++) {
            if (raw[i] == '\n') {
                count--;
            }
        }
        return count;
    }
}
