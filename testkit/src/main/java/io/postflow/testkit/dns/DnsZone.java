package io.postflow.testkit.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;

/**
 * The data a {@link DnsResponder} serves, set by the test (thread-safe, may change while the
 * responder runs). Names are absolute, case-insensitive; a name with no data at all is NXDOMAIN.
 * Failures ({@link #servfail}, {@link #timeout}, {@link #nxdomain}) are per name and win over data.
 */
public final class DnsZone {

    /** How the responder treats a name regardless of its records. */
    public enum Failure { NXDOMAIN, SERVFAIL, NO_ANSWER }

    private final Map<Name, List<Record>> records = new ConcurrentHashMap<>();
    private final Map<Name, Failure> failures = new ConcurrentHashMap<>();
    private volatile long ttl = 300;

    /** TTL of records added from now on, in seconds. */
    public DnsZone ttl(long seconds) {
        this.ttl = seconds;
        return this;
    }

    public DnsZone mx(String domain, int preference, String host) {
        return add(new MXRecord(name(domain), DClass.IN, ttl, preference, name(host)));
    }

    /** RFC 7505 null MX: {@code MX 0 .}, "this domain accepts no mail". */
    public DnsZone nullMx(String domain) {
        return add(new MXRecord(name(domain), DClass.IN, ttl, 0, Name.root));
    }

    public DnsZone a(String host, String ipv4) {
        return add(new ARecord(name(host), DClass.IN, ttl, address(ipv4)));
    }

    public DnsZone aaaa(String host, String ipv6) {
        return add(new AAAARecord(name(host), DClass.IN, ttl, address(ipv6)));
    }

    public DnsZone txt(String host, String text) {
        return add(new TXTRecord(name(host), DClass.IN, ttl, text));
    }

    public DnsZone cname(String alias, String target) {
        return add(new CNAMERecord(name(alias), DClass.IN, ttl, name(target)));
    }

    /** Answers NXDOMAIN for this name even if it has records. */
    public DnsZone nxdomain(String name) {
        failures.put(name(name), Failure.NXDOMAIN);
        return this;
    }

    /** Answers SERVFAIL for every query about this name. */
    public DnsZone servfail(String name) {
        failures.put(name(name), Failure.SERVFAIL);
        return this;
    }

    /** Never answers queries about this name, so the client times out. */
    public DnsZone timeout(String name) {
        failures.put(name(name), Failure.NO_ANSWER);
        return this;
    }

    /** Forgets all records and failures. */
    public DnsZone clear() {
        records.clear();
        failures.clear();
        return this;
    }

    Failure failure(Name name) {
        return failures.get(name);
    }

    List<Record> recordsOf(Name name) {
        return records.getOrDefault(name, List.of());
    }

    boolean exists(Name name) {
        return records.containsKey(name);
    }

    private DnsZone add(Record record) {
        records.computeIfAbsent(record.getName(), n -> new CopyOnWriteArrayList<>()).add(record);
        return this;
    }

    static Name name(String text) {
        try {
            String lower = text.toLowerCase(Locale.ROOT);
            return Name.fromString(lower.endsWith(".") ? lower : lower + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException("bad DNS name " + text, e);
        }
    }

    private static InetAddress address(String literal) {
        try {
            // A literal never triggers a lookup.
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + literal, e);
        }
    }
}
