package io.postflow.mailbox.domain.delivery;

import io.postflow.mailbox.domain.message.MessageAnalysis;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A message body ready to store: its bytes, their SHA-256 (the single-instance key) and analysis. */
public record PreparedMessage(byte[] content, byte[] sha256, MessageAnalysis analysis) {

    public static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
