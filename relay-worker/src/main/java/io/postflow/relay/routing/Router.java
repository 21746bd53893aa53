package io.postflow.relay.routing;

import io.postflow.common.address.AddressException;
import io.postflow.common.address.MailAddress;
import io.postflow.common.record.Envelope;
import io.postflow.common.record.Recipient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, per recipient, where a message goes: local accounts, remote domains, or nowhere
 * (with the status to report). Pure: no I/O, the directory is an in-memory view.
 */
public final class Router {

    private final AliasExpander expander;
    private final int maxReceivedHeaders;

    public Router(AliasExpander expander, int maxReceivedHeaders) {
        this.expander = expander;
        this.maxReceivedHeaders = maxReceivedHeaders;
    }

    public RoutingPlan route(Envelope envelope, byte[] message) {
        int hops = ReceivedHeaders.count(message);
        if (hops > maxReceivedHeaders) {
            // RFC 5321 §6.3: too many hops is a loop, whatever the recipients.
            Destination.Unroutable loop = new Destination.Unroutable("5.4.6",
                    "X-Postflow; mail loop: " + hops + " Received header fields (limit " + maxReceivedHeaders + ")");
            return new RoutingPlan(List.of(), Map.of(),
                    envelope.recipients().stream().map(r -> new RoutingPlan.Unrouted(r, loop)).toList());
        }
        Map<String, Recipient> local = new LinkedHashMap<>();
        Map<String, Map<String, Recipient>> remote = new LinkedHashMap<>();
        List<RoutingPlan.Unrouted> unroutable = new ArrayList<>();
        for (Recipient recipient : envelope.recipients()) {
            for (Destination destination : expander.expand(recipient.address())) {
                if (destination instanceof Destination.Local l) {
                    local.putIfAbsent(l.account(), routed(recipient, l.account()));
                } else if (destination instanceof Destination.Remote r) {
                    remote.computeIfAbsent(r.domain(), d -> new LinkedHashMap<>())
                            .putIfAbsent(r.address(), routed(recipient, r.address()));
                } else if (destination instanceof Destination.Unroutable u) {
                    unroutable.add(new RoutingPlan.Unrouted(recipient, u));
                }
            }
        }
        Map<String, List<Recipient>> byDomain = new LinkedHashMap<>();
        remote.forEach((domain, recipients) -> byDomain.put(domain, List.copyOf(recipients.values())));
        return new RoutingPlan(List.copyOf(local.values()), byDomain, unroutable);
    }

    /**
     * The recipient as routed: the final address with the DSN parameters of the envelope recipient.
     * When an alias changed the address, ORCPT keeps the original one (RFC 3461 §4.2), so a DSN can
     * name the address the sender actually used.
     */
    static Recipient routed(Recipient original, String finalAddress) {
        String orcpt = original.orcpt();
        if (orcpt == null && !sameAddress(original.address(), finalAddress)) {
            orcpt = "rfc822;" + original.address();
        }
        return new Recipient(finalAddress, original.notifyOn(), orcpt);
    }

    private static boolean sameAddress(String a, String b) {
        try {
            return MailAddress.parse(a, true).key().equals(MailAddress.parse(b, true).key());
        } catch (AddressException e) {
            return a.equals(b);
        }
    }
}
