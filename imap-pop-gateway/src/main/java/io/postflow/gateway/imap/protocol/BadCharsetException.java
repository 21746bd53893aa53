package io.postflow.gateway.imap.protocol;

/** SEARCH CHARSET names a charset we do not search in: {@code NO [BADCHARSET (UTF-8 US-ASCII)]}. */
public final class BadCharsetException extends IllegalArgumentException {

    public BadCharsetException(String charset) {
        super("[BADCHARSET (UTF-8 US-ASCII)] charset " + charset + " is not supported");
    }
}
