package io.postflow.relay.dns;

import java.util.List;
import org.xbill.DNS.Record;

/** What one DNS question got: records, nothing of that type, no such name, or no usable answer. */
public sealed interface DnsAnswer {

    /** Records of the asked type (after any CNAME chain in the answer). */
    record Records(List<Record> records) implements DnsAnswer {
        public Records {
            records = List.copyOf(records);
        }
    }

    /** The name exists but has no record of the type (NOERROR, empty answer; RFC 2308 §2.2). */
    record NoData() implements DnsAnswer {
    }

    /** RCODE 3: the name does not exist. */
    record NxDomain() implements DnsAnswer {
    }

    /** SERVFAIL, REFUSED, a timeout or a network error: try again later. */
    record Failure(String reason) implements DnsAnswer {
    }
}
