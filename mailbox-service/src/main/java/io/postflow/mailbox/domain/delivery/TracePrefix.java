package io.postflow.mailbox.domain.delivery;

import java.nio.charset.StandardCharsets;

/**
 * The trace fields final delivery puts above a message: {@code Return-Path:} (RFC 5321 §4.4: only
 * final delivery adds it, from the MAIL FROM reverse-path, {@code <>} for the null sender) and
 * {@code Delivered-To:} (the account it was delivered to, used for loop detection). Each mailbox
 * entry keeps its own prefix, so a body stored once serves every recipient.
 */
public final class TracePrefix {

    private TracePrefix() {
    }

    public static byte[] of(String mailFrom, String account) {
        String text = "Return-Path: <" + mailFrom + ">\r\nDelivered-To: " + account + "\r\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
