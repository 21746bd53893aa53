package io.postflow.ingress.extension;

import io.postflow.common.record.MailParameters;

/** Collects the MAIL FROM parameters the extensions accepted. */
public final class MailParametersBuilder {

    private String body;
    private boolean smtpUtf8;
    private String ret;
    private String envId;
    private Long declaredSize;

    public MailParametersBuilder body(String value) {
        this.body = value;
        return this;
    }

    public MailParametersBuilder smtpUtf8() {
        this.smtpUtf8 = true;
        return this;
    }

    public MailParametersBuilder ret(String value) {
        this.ret = value;
        return this;
    }

    public MailParametersBuilder envId(String value) {
        this.envId = value;
        return this;
    }

    public MailParametersBuilder declaredSize(long value) {
        this.declaredSize = value;
        return this;
    }

    public MailParameters build() {
        return new MailParameters(body, smtpUtf8, ret, envId, declaredSize);
    }
}
