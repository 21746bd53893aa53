package io.postflow.mailbox.domain.mail;

/**
 * Octets {@code [start, end)} of the bytes an entry serves: its trace prefix followed by the
 * stored message.
 */
public record ByteRange(long start, long end) {

    public static final ByteRange EMPTY = new ByteRange(0, 0);

    public ByteRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("invalid range [" + start + ", " + end + ")");
        }
    }

    public long length() {
        return end - start;
    }

    /**
     * The partial fetch {@code <offset.length>} of this range (RFC 3501 §6.4.5): from offset, at
     * most length octets; empty when offset is at or past the end. A null offset is 0 and a null
     * length is "to the end".
     */
    public ByteRange partial(Long offset, Long length) {
        if (offset != null && offset < 0 || length != null && length < 0) {
            throw new MailRejection(MailRejection.Code.INVALID, "offset and length must not be negative");
        }
        long from = offset == null ? 0 : offset;
        if (from >= length()) {
            return EMPTY;
        }
        long available = length() - from;
        long take = length == null ? available : Math.min(length, available);
        return new ByteRange(start + from, start + from + take);
    }
}
