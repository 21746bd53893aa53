package io.postflow.gateway.pop3.protocol;

/** The extended response codes this server sends (RFC 2449 §8, RFC 3206). */
public enum ResponseCode {
    /** RFC 2449 §8.1.2: the maildrop is locked by another session. */
    IN_USE("IN-USE"),
    /** RFC 3206 §4: the failure is about the credentials. */
    AUTH("AUTH"),
    /** RFC 3206 §5: a temporary system problem; trying again later may work. */
    SYS_TEMP("SYS/TEMP"),
    /** RFC 3206 §5: a permanent system problem. */
    SYS_PERM("SYS/PERM");

    private final String text;

    ResponseCode(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
