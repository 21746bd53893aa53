package io.postflow.testkit.smtp;

/** ESMTP extensions an {@link SmtpSink} can offer in its EHLO reply. SIZE takes its limit from the script. */
public enum SinkExtension {
    STARTTLS("STARTTLS"),
    CHUNKING("CHUNKING"),
    EIGHTBITMIME("8BITMIME"),
    SMTPUTF8("SMTPUTF8"),
    PIPELINING("PIPELINING"),
    SIZE("SIZE"),
    DSN("DSN");

    private final String keyword;

    SinkExtension(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
