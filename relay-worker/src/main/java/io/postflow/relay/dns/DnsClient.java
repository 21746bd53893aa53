package io.postflow.relay.dns;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asks DNS questions without blocking: dnsjava's {@code sendAsync} does the I/O on its own NIO
 * thread and the answer is handed back on the caller's Vert.x context. Answers are cached for their
 * TTL (negative ones per RFC 2308, capped); failures are not cached.
 */
public final class DnsClient {

    /** A question's cache key and the settings that bound caching. */
    public record Settings(Duration timeout, int cacheSize, Duration maxTtl, Duration negativeTtl) {
    }

    private final Vertx vertx;
    private final Resolver resolver;
    private final DnsCache cache;
    private final Settings settings;

    public DnsClient(Vertx vertx, List<String> servers, Settings settings) {
        this.vertx = vertx;
        this.settings = settings;
        this.resolver = resolver(servers, settings.timeout());
        this.cache = new DnsCache(settings.cacheSize(), System::nanoTime);
    }

    /** {@code servers} as {@code host:port} ({@code [v6]:port} for IPv6); empty: the system's resolv.conf. */
    static Resolver resolver(List<String> servers, Duration timeout) {
        ExtendedResolver resolver;
        if (servers.isEmpty()) {
            resolver = new ExtendedResolver();
        } else {
            List<Resolver> each = new ArrayList<>();
            for (String server : servers) {
                each.add(new SimpleResolver(socketAddress(server.strip())));
            }
            resolver = new ExtendedResolver(each);
        }
        // The overall timeout does not reach the per-server resolvers (10 s by default): set both.
        for (Resolver each : resolver.getResolvers()) {
            each.setTimeout(timeout);
        }
        resolver.setTimeout(timeout);
        resolver.setRetries(1);
        return resolver;
    }

    static InetSocketAddress socketAddress(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || hostPort.endsWith("]")) {
            return new InetSocketAddress(unbracket(hostPort), 53);
        }
        String host = unbracket(hostPort.substring(0, colon));
        // Literal addresses only need no lookup; a host name here is resolved once, at start-up.
        return new InetSocketAddress(host, Integer.parseInt(hostPort.substring(colon + 1)));
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Asks for records of {@code type} (e.g. {@link Type#MX}) of {@code name}; never a failed future. */
    public Future<DnsAnswer> lookup(String name, int type) {
        String key = name.toLowerCase(Locale.ROOT) + "/" + Type.string(type);
        DnsAnswer cached = cache.get(key);
        if (cached != null) {
            return Future.succeededFuture(cached);
        }
        Message query;
        try {
            query = Message.newQuery(Record.newRecord(Name.fromString(name.endsWith(".") ? name : name + "."), type, DClass.IN));
        } catch (TextParseException e) {
            return Future.succeededFuture(new DnsAnswer.NxDomain());
        }
        Context context = vertx.getOrCreateContext();
        Promise<DnsAnswer> promise = Promise.promise();
        resolver.sendAsync(query).whenComplete((response, error) -> context.runOnContext(v -> {
            DnsAnswer answer = error != null ? new DnsAnswer.Failure(describe(error)) : interpret(response, type);
            cache.put(key, answer, ttl(answer, response));
            promise.complete(answer);
        }));
        return promise.future();
    }

    static DnsAnswer interpret(Message response, int type) {
        int rcode = response.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return new DnsAnswer.NxDomain();
        }
        if (rcode != Rcode.NOERROR) {
            return new DnsAnswer.Failure("DNS " + Rcode.string(rcode));
        }
        List<Record> matching = new ArrayList<>();
        for (Record record : response.getSection(Section.ANSWER)) {
            if (record.getType() == type) {
                matching.add(record);
            }
        }
        if (matching.isEmpty()) {
            boolean onlyAlias = response.getSection(Section.ANSWER).stream().anyMatch(CNAMERecord.class::isInstance);
            // A CNAME without its target's records: the server did not follow it; ask again later.
            return onlyAlias && type != Type.CNAME ? new DnsAnswer.Failure("CNAME chain not followed") : new DnsAnswer.NoData();
        }
        return new DnsAnswer.Records(matching);
    }

    private long ttl(DnsAnswer answer, Message response) {
        if (answer instanceof DnsAnswer.Records records) {
            long min = records.records().stream().mapToLong(Record::getTTL).min().orElse(0);
            return Math.min(min, settings.maxTtl().toSeconds());
        }
        if (answer instanceof DnsAnswer.NoData || answer instanceof DnsAnswer.NxDomain) {
            long negative = settings.negativeTtl().toSeconds();
            for (Record record : response.getSection(Section.AUTHORITY)) {
                if (record instanceof SOARecord soa) {
                    // RFC 2308 §5: the lesser of the SOA's TTL and its MINIMUM field.
                    negative = Math.min(negative, Math.min(soa.getTTL(), soa.getMinimum()));
                }
            }
            return negative;
        }
        return 0;
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
        String text = cause.getMessage();
        return cause.getClass().getSimpleName() + (text == null ? "" : ": " + text);
    }
}
