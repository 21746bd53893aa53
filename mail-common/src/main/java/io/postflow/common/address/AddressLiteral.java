package io.postflow.common.address;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Validates RFC 5321 §4.1.3 address literals and writes them in one canonical form, so that
 * {@code [IPv6:2001:DB8:0:0:0:0:0:1]} and {@code [IPv6:2001:db8::1]} are the same address.
 */
final class AddressLiteral {

    private static final String IPV6_TAG = "IPv6:";

    private AddressLiteral() {
    }

    /** Canonical text, brackets included: IPv4 without leading zeros, IPv6 per RFC 5952. */
    static String canonical(String literal) {
        if (literal.length() < 3 || literal.charAt(0) != '[' || literal.charAt(literal.length() - 1) != ']') {
            throw new AddressException("malformed address literal");
        }
        String content = literal.substring(1, literal.length() - 1);
        if (content.regionMatches(true, 0, IPV6_TAG, 0, IPV6_TAG.length())) {
            return "[" + IPV6_TAG + formatIpv6(parseIpv6(content.substring(IPV6_TAG.length()))) + "]";
        }
        if (content.indexOf(':') >= 0) {
            // General-address-literal = Standardized-tag ":" 1*dcontent: no such tag is in use.
            throw new AddressException("unsupported address literal");
        }
        return "[" + formatIpv4(parseIpv4(content)) + "]";
    }

    // IPv4-address-literal = Snum 3("." Snum); Snum = 1*3DIGIT representing 0-255.
    private static int[] parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new AddressException("malformed IPv4 address literal");
        }
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new AddressException("malformed IPv4 address literal");
            }
            octets[i] = Integer.parseInt(part);
            if (octets[i] > 255) {
                throw new AddressException("IPv4 address literal octet above 255");
            }
        }
        return octets;
    }

    /*
     * RFC 5321 §4.1.3 IPv6-addr: full (8 groups), compressed ("::" plus at most 6 groups), and
     * the same two with an IPv4 tail (6 groups, or "::" plus at most 4). The "::" thus always
     * stands for at least two zero groups.
     */
    private static int[] parseIpv6(String text) {
        int[] groups = new int[8];
        int hexGroups = 8;
        String head = text;
        int lastColon = text.lastIndexOf(':');
        if (lastColon < 0) {
            throw new AddressException("malformed IPv6 address literal");
        }
        if (text.indexOf('.', lastColon) >= 0) {
            int[] v4 = parseIpv4(text.substring(lastColon + 1));
            groups[6] = v4[0] << 8 | v4[1];
            groups[7] = v4[2] << 8 | v4[3];
            hexGroups = 6;
            head = text.substring(0, lastColon + 1);
            if (!head.endsWith("::")) {
                head = head.substring(0, lastColon); // that colon only separated the IPv4 tail
            }
        }
        int gap = head.indexOf("::");
        if (gap < 0) {
            List<Integer> all = hexGroups(head);
            if (all.size() != hexGroups) {
                throw new AddressException("malformed IPv6 address literal");
            }
            for (int i = 0; i < hexGroups; i++) {
                groups[i] = all.get(i);
            }
            return groups;
        }
        if (head.indexOf("::", gap + 1) >= 0) {
            throw new AddressException("malformed IPv6 address literal"); // two "::", or ":::"
        }
        List<Integer> left = hexGroups(head.substring(0, gap));
        List<Integer> right = hexGroups(head.substring(gap + 2));
        if (left.size() + right.size() > hexGroups - 2) {
            throw new AddressException("malformed IPv6 address literal");
        }
        for (int i = 0; i < left.size(); i++) {
            groups[i] = left.get(i);
        }
        for (int i = 0; i < right.size(); i++) {
            groups[hexGroups - right.size() + i] = right.get(i);
        }
        return groups;
    }

    // IPv6-hex = 1*4HEXDIG, separated by single colons.
    private static List<Integer> hexGroups(String text) {
        List<Integer> groups = new ArrayList<>(8);
        if (text.isEmpty()) {
            return groups;
        }
        for (String group : text.split(":", -1)) {
            if (group.isEmpty() || group.length() > 4 || !group.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80)) {
                throw new AddressException("malformed IPv6 address literal");
            }
            groups.add(Integer.parseInt(group, 16));
        }
        return groups;
    }

    private static String formatIpv4(int[] octets) {
        return octets[0] + "." + octets[1] + "." + octets[2] + "." + octets[3];
    }

    // RFC 5952 §4: lower case, no leading zeros, the longest run (>= 2) of zero groups as "::".
    private static String formatIpv6(int[] groups) {
        if (isIpv4Mapped(groups)) {
            // RFC 5952 §5: mixed notation for IPv4-mapped addresses.
            return "::ffff:" + formatIpv4(new int[] {groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff});
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isIpv4Mapped(int[] groups) {
        for (int i = 0; i < 5; i++) {
            if (groups[i] != 0) {
                return false;
            }
        }
        return groups[5] == 0xffff;
    }
}
