package io.postflow.relay.dns;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * This platform's own addresses (CIDR prefixes) and host name, to spot an MX that would send mail
 * back to us: a loop (RFC 5321 §5.1, enhanced status 5.4.6).
 */
public final class LocalAddresses {

    private record Prefix(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Prefix> prefixes;
    private final String hostname;

    /** @param cidrs literal addresses or prefixes such as {@code 127.0.0.0/8}, {@code ::1/128}, {@code 192.0.2.7} */
    public LocalAddresses(List<String> cidrs, String hostname) {
        List<Prefix> parsed = new ArrayList<>();
        for (String cidr : cidrs) {
            String text = cidr.strip();
            if (text.isEmpty()) {
                continue;
            }
            int slash = text.indexOf('/');
            byte[] network = literal(slash < 0 ? text : text.substring(0, slash));
            int bits = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException("bad prefix length in " + text);
            }
            parsed.add(new Prefix(network, bits));
        }
        this.prefixes = List.copyOf(parsed);
        this.hostname = hostname == null ? "" : stripDot(hostname.toLowerCase(Locale.ROOT));
    }

    public boolean isLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return prefixes.stream().anyMatch(p -> p.contains(bytes));
    }

    /** True when an MX host name is our own name. */
    public boolean isLocalName(String host) {
        return !hostname.isEmpty() && stripDot(host.toLowerCase(Locale.ROOT)).equals(hostname);
    }

    private static String stripDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static byte[] literal(String text) {
        if (!text.contains(":") && !text.matches("[0-9.]+")) {
            throw new IllegalArgumentException("not an IP address literal: " + text);
        }
        try {
            return InetAddress.getByName(text).getAddress(); // a literal: no lookup happens
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address literal: " + text, e);
        }
    }
}
