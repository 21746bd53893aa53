package io.postflow.gateway.imap.protocol;

/** Malformed client input: answered {@code <tag> BAD <message>}; the connection stays usable. */
public final class ImapParseException extends RuntimeException {

    private final String tag;
    private final boolean refusal;

    public ImapParseException(String tag, String message) {
        this(tag, message, false);
    }

    /** {@code refusal}: well-formed but refused, answered NO rather than BAD (e.g. BADCHARSET). */
    public ImapParseException(String tag, String message, boolean refusal) {
        super(message, null, false, false);
        this.tag = tag;
        this.refusal = refusal;
    }

    public boolean refusal() {
        return refusal;
    }

    /** The command's tag, or {@code *} when not even the tag could be read. */
    public String tag() {
        return tag;
    }
}
