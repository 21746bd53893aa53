package io.postflow.common.record;

/**
 * The ESMTP parameters of {@code MAIL FROM} that matter after the message is accepted.
 * A {@code null} field means the client did not give the parameter.
 *
 * @param body         {@code 7BIT}, {@code 8BITMIME} or {@code BINARYMIME} (RFC 6152, RFC 3030)
 * @param smtpUtf8     the {@code SMTPUTF8} parameter was given (RFC 6531 §3.4)
 * @param ret          {@code FULL} or {@code HDRS} (RFC 3461 §4.3)
 * @param envId        the {@code ENVID} value, already xtext-decoded (RFC 3461 §4.4)
 * @param declaredSize the {@code SIZE} value the client announced (RFC 1870)
 */
public record MailParameters(String body, boolean smtpUtf8, String ret, String envId, Long declaredSize) {

    public static final String BODY_7BIT = "7BIT";
    public static final String BODY_8BITMIME = "8BITMIME";
    public static final String BODY_BINARYMIME = "BINARYMIME";
    public static final String RET_FULL = "FULL";
    public static final String RET_HDRS = "HDRS";

    /** No parameters at all: a plain {@code MAIL FROM:<...>}. */
    public static final MailParameters NONE = new MailParameters(null, false, null, null, null);

    public MailParameters {
        if (declaredSize != null && declaredSize < 0) {
            throw new IllegalArgumentException("declaredSize must not be negative");
        }
    }
}
