package io.postflow.relay.dns;

import io.vertx.core.Future;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * RFC 5321 §5.1 routing of a domain to the addresses of its mail exchangers: MX records by
 * preference (random order among equals), the domain itself as implicit MX when it has none,
 * RFC 7505 null MX, and loop detection against {@link LocalAddresses}.
 */
public final class MxResolver {

    private final DnsClient dns;
    private final LocalAddresses local;

    public MxResolver(DnsClient dns, LocalAddresses local) {
        this.dns = dns;
        this.local = local;
    }

    record MxHost(String name, int preference) {
    }

    private record HostAddresses(MxHost host, List<InetAddress> addresses, boolean failed) {
    }

    public Future<MxResolution> resolve(String domain) {
        return dns.lookup(domain, Type.MX).compose(answer -> {
            if (answer instanceof DnsAnswer.NxDomain) {
                return done(new MxResolution.Unroutable(true, "5.1.2", "X-Postflow; domain " + domain + " does not exist"));
            }
            if (answer instanceof DnsAnswer.Failure failure) {
                return done(new MxResolution.Unroutable(false, "4.4.3", "X-Postflow; MX lookup for " + domain
                        + " failed: " + failure.reason()));
            }
            if (answer instanceof DnsAnswer.Records records) {
                List<MxRecord> mx = records.records().stream().map(MXRecord.class::cast)
                        .map(r -> new MxRecord(r.getTarget(), r.getPriority())).toList();
                if (mx.stream().anyMatch(r -> r.target().equals(Name.root))) {
                    // RFC 7505 §3: a null MX says the domain accepts no mail at all.
                    return done(new MxResolution.Unroutable(true, "5.1.10", "X-Postflow; " + domain
                            + " publishes a null MX: it accepts no mail"));
                }
                return addresses(domain, ordered(mx, ThreadLocalRandom.current()));
            }
            // RFC 5321 §5.1: no MX records, so the domain itself is the implicit MX.
            return addresses(domain, List.of(new MxHost(domain, 0)));
        });
    }

    record MxRecord(Name target, int preference) {
    }

    /** By preference, shuffled among equal preferences (RFC 5321 §5.1 load spreading). */
    static List<MxHost> ordered(List<MxRecord> records, Random random) {
        List<MxRecord> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, random);
        shuffled.sort(Comparator.comparingInt(MxRecord::preference)); // stable: the shuffle stays within a preference
        return shuffled.stream().map(r -> new MxHost(strip(r.target().toString()), r.preference())).toList();
    }

    private Future<MxResolution> addresses(String domain, List<MxHost> hosts) {
        List<MxHost> usable = new ArrayList<>();
        boolean loop = false;
        for (MxHost host : hosts) {
            if (local.isLocalName(host.name())) {
                // RFC 5321 §5.1: we are an MX ourselves; only hosts more preferred than us may be used.
                loop = true;
                usable.removeIf(h -> h.preference() >= host.preference());
                break;
            }
            usable.add(host);
        }
        boolean nameLoop = loop;
        List<Future<HostAddresses>> lookups = usable.stream().map(this::hostAddresses).toList();
        return Future.join(lookups).transform(ignored -> {
            List<MxTarget> targets = new ArrayList<>();
            boolean addressLoop = false;
            boolean anyFailed = false;
            for (Future<HostAddresses> lookup : lookups) {
                HostAddresses found = lookup.result();
                anyFailed |= found.failed();
                for (InetAddress address : found.addresses()) {
                    if (local.isLocal(address)) {
                        addressLoop = true;
                    } else {
                        targets.add(new MxTarget(found.host().name(), found.host().preference(), address));
                    }
                }
            }
            if (!targets.isEmpty()) {
                return done(new MxResolution.Route(targets));
            }
            if (nameLoop || addressLoop) {
                return done(new MxResolution.Unroutable(true, "5.4.6", "X-Postflow; mail for " + domain
                        + " would loop back to this platform"));
            }
            if (anyFailed) {
                return done(new MxResolution.Unroutable(false, "4.4.3", "X-Postflow; address lookup for the MX hosts of "
                        + domain + " failed"));
            }
            return done(new MxResolution.Unroutable(true, "5.4.4", "X-Postflow; no MX host of " + domain + " has an address"));
        });
    }

    private Future<HostAddresses> hostAddresses(MxHost host) {
        Future<DnsAnswer> v6 = dns.lookup(host.name(), Type.AAAA);
        Future<DnsAnswer> v4 = dns.lookup(host.name(), Type.A);
        return Future.join(v6, v4).map(both -> {
            List<InetAddress> addresses = new ArrayList<>();
            addresses.addAll(addressesOf(v6.result()));
            addresses.addAll(addressesOf(v4.result()));
            boolean failed = v6.result() instanceof DnsAnswer.Failure || v4.result() instanceof DnsAnswer.Failure;
            return new HostAddresses(host, addresses, failed);
        });
    }

    private static List<InetAddress> addressesOf(DnsAnswer answer) {
        if (!(answer instanceof DnsAnswer.Records records)) {
            return List.of();
        }
        List<InetAddress> out = new ArrayList<>();
        for (Record record : records.records()) {
            if (record instanceof AAAARecord aaaa) {
                out.add(aaaa.getAddress());
            } else if (record instanceof ARecord a) {
                out.add(a.getAddress());
            }
        }
        return out;
    }

    private static String strip(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static <T> Future<T> done(T value) {
        return Future.succeededFuture(value);
    }
}
