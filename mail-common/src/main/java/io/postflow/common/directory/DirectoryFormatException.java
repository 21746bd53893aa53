package io.postflow.common.directory;

/**
 * A directory record that cannot be decoded: not JSON, a field missing or of the wrong type, a
 * name not in canonical form, a key that does not match its entry, or a newer format version.
 * A reader logs and skips it; the next republish of mailbox-service writes the key again.
 */
public final class DirectoryFormatException extends RuntimeException {

    public DirectoryFormatException(String message) {
        super(message);
    }

    public DirectoryFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
