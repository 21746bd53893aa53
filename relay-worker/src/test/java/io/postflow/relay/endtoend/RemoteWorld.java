package io.postflow.relay.endtoend;

import io.postflow.testkit.FreePorts;
import io.postflow.testkit.dns.DnsResponder;
import io.postflow.testkit.smtp.SinkExtension;
import io.postflow.testkit.smtp.SinkScript;
import io.postflow.testkit.smtp.SmtpSink;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The remote side of the end-to-end tests: a DNS responder and one SMTP sink per remote "host"
 * (127.0.0.x, all on the port {@code postflow.relay.mx-port} names), each with its own script.
 *
 * <ul>
 * <li>{@code near.test}: MX 10 {@code mx1.near.test} (127.0.0.2, {@link #preferred}), MX 20
 * {@code mx2.near.test} (127.0.0.3, {@link #backup})</li>
 * <li>{@code fallback.test}: MX 10 {@code mx1.fallback.test} (127.0.0.4, {@link #refusing}: 554
 * greeting), MX 20 {@code mx2.fallback.test} (127.0.0.3)</li>
 * <li>{@code grey.test}: 127.0.0.5 ({@link #greylisting}: 451 to the addresses in {@link #greylisted})</li>
 * <li>{@code reject.test}: 127.0.0.6 ({@link #rejecting}: 550 to every RCPT)</li>
 * <li>{@code modern.test}: 127.0.0.7 ({@link #modern}: STARTTLS, CHUNKING, PIPELINING, 8BITMIME)</li>
 * </ul>
 */
public final class RemoteWorld implements AutoCloseable {

    public final int port = FreePorts.next();
    public final DnsResponder dns = DnsResponder.start("127.0.0.1");
    public final SmtpSink preferred = SmtpSink.start(port, SinkScript.acceptAll(), "127.0.0.2");
    public final SmtpSink backup = SmtpSink.start(port, SinkScript.acceptAll(), "127.0.0.3");
    public final SmtpSink refusing = SmtpSink.start(port, SinkScript.acceptAll().withGreeting("554 5.7.1 go away"), "127.0.0.4");
    /**
     * Addresses {@link #greylisting} answers with 451 while they are in this set. Read at each RCPT,
     * not per connection: the relay reuses its pooled session for the retry.
     */
    public final Set<String> greylisted = ConcurrentHashMap.newKeySet();
    public final SmtpSink greylisting = SmtpSink.start(port, SinkScript.acceptAll().withRcptReply(address ->
            greylisted.contains(address) ? "451 4.7.1 greylisted, come back later" : "250 2.1.5 recipient ok"), "127.0.0.5");
    public final SmtpSink rejecting = SmtpSink.start(port,
            SinkScript.acceptAll().withRcptReply(address -> "550 5.1.1 <" + address + ">: no such user"), "127.0.0.6");
    public final SmtpSink modern = SmtpSink.start(port, SinkScript.acceptAll().withExtensions(EnumSet.of(SinkExtension.STARTTLS,
            SinkExtension.CHUNKING, SinkExtension.PIPELINING, SinkExtension.EIGHTBITMIME)), "127.0.0.7");

    public RemoteWorld() {
        dns.zone()
                .mx("near.test", 10, "mx1.near.test").mx("near.test", 20, "mx2.near.test")
                .a("mx1.near.test", "127.0.0.2").a("mx2.near.test", "127.0.0.3")
                .mx("fallback.test", 10, "mx1.fallback.test").mx("fallback.test", 20, "mx2.fallback.test")
                .a("mx1.fallback.test", "127.0.0.4").a("mx2.fallback.test", "127.0.0.3")
                .mx("grey.test", 10, "mx.grey.test").a("mx.grey.test", "127.0.0.5")
                .mx("reject.test", 10, "mx.reject.test").a("mx.reject.test", "127.0.0.6")
                .mx("modern.test", 10, "mx.modern.test").a("mx.modern.test", "127.0.0.7");
    }

    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[] {preferred, backup, refusing, greylisting, rejecting, modern, dns}) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing the rest matters more
            }
        }
    }
}
