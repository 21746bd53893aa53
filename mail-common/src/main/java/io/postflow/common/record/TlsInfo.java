package io.postflow.common.record;

import java.util.Objects;

/** What the client connection was protected with, for the {@code Received:} line and policy. */
public record TlsInfo(String protocol, String cipherSuite) {

    public TlsInfo {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
    }
}
