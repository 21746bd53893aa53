package io.postflow.ingress.session;

/** The three listeners of the CONTRACT and what each one demands of a session. */
public enum ListenerKind {
    /** Inbound MX (port 25): other MTAs deliver to local recipients; STARTTLS is opportunistic. */
    MX(false, false),
    /** Message submission (RFC 6409, port 587): STARTTLS, AUTH before MAIL. */
    SUBMISSION(false, true),
    /** Submission over implicit TLS (RFC 8314 §3.3, port 465). */
    SMTPS(true, true);

    private final boolean implicitTls;
    private final boolean submission;

    ListenerKind(boolean implicitTls, boolean submission) {
        this.implicitTls = implicitTls;
        this.submission = submission;
    }

    /** TLS from the first byte. */
    public boolean implicitTls() {
        return implicitTls;
    }

    /**
     * A submission port: AUTH required before MAIL (RFC 6409 §4.3) and a missing Message-ID or
     * Date may be added (RFC 6409 §8.2, §8.3).
     */
    public boolean submission() {
        return submission;
    }
}
