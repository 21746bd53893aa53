package io.postflow.gateway.imap.session;

/**
 * The tagged completion of a command (RFC 3501 §7.1).
 *
 * @param code a response code without brackets, e.g. {@code READ-WRITE}, or null
 */
public record Tagged(Status status, String code, String text) {

    public enum Status { OK, NO, BAD }

    public static Tagged ok(String text) {
        return new Tagged(Status.OK, null, text);
    }

    public static Tagged ok(String code, String text) {
        return new Tagged(Status.OK, code, text);
    }

    public static Tagged no(String text) {
        return new Tagged(Status.NO, null, text);
    }

    public static Tagged no(String code, String text) {
        return new Tagged(Status.NO, code, text);
    }

    public static Tagged bad(String text) {
        return new Tagged(Status.BAD, null, text);
    }

    /** The line without its tag: {@code OK [READ-WRITE] SELECT completed}. */
    public String line() {
        String clean = text.replace('\r', ' ').replace('\n', ' ');
        return status + " " + (code == null ? "" : "[" + code + "] ") + clean;
    }
}
