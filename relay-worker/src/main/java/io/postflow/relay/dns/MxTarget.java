package io.postflow.relay.dns;

import java.net.InetAddress;

/** One address to try for a domain: the MX host's name, its preference and one of its addresses. */
public record MxTarget(String host, int preference, InetAddress address) {

    /** For diagnostics and Remote-MTA: {@code mx1.example.com [192.0.2.1]}. */
    public String describe() {
        return host + " [" + address.getHostAddress() + "]";
    }
}
