package io.postflow.mailbox.domain.mail;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The client part of a throttling pair, from the IP address the gateway saw. IPv6 clients are
 * grouped by /64: one subscriber usually holds a whole /64 (RFC 6177 §3 recommends end sites get
 * at least that much), so counting single addresses would give each of them 2^64 fresh starts.
 */
final class ClientKey {

    private static final int IPV6_PREFIX_BYTES = 8;

    private ClientKey() {
    }

    /**
     * @throws MailRejection INVALID unless the text is an IPv4 or IPv6 literal (never resolved as
     *                       a host name: that would block on DNS)
     */
    static String of(String clientAddress) {
        if (clientAddress == null || clientAddress.isBlank()) {
            throw invalid();
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(clientAddress.strip());
        if (bytes == null) {
            throw invalid();
        }
        if (bytes.length == 16 && isIpv4Mapped(bytes)) {
            bytes = Arrays.copyOfRange(bytes, 12, 16); // ::ffff:192.0.2.1 is 192.0.2.1 (RFC 4291 §2.5.5.2)
        }
        if (bytes.length == 4) {
            return text(bytes);
        }
        Arrays.fill(bytes, IPV6_PREFIX_BYTES, bytes.length, (byte) 0);
        return text(bytes) + "/64";
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static String text(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes).getHostAddress(); // raw bytes: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }

    private static MailRejection invalid() {
        return new MailRejection(MailRejection.Code.INVALID, "clientAddress must be an IPv4 or IPv6 address");
    }
}
