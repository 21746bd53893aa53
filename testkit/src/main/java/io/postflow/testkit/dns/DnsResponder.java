package io.postflow.testkit.dns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A real DNS server for tests: answers queries over UDP and TCP on one loopback address and port
 * from a {@link DnsZone} the test fills. dnsjava encodes and decodes the messages; the sockets run
 * on two daemon threads of their own. Closing it stops both.
 *
 * <pre>
 * try (DnsResponder dns = DnsResponder.start("127.0.0.1")) {
 *     dns.zone().mx("example.test", 10, "mx1.example.test").a("mx1.example.test", "127.0.0.2");
 *     config: postflow.relay.dns-servers = dns.hostPort()
 * }
 * </pre>
 */
public final class DnsResponder implements AutoCloseable {

    private static final int MAX_CNAME_CHAIN = 8;

    private final DnsZone zone = new DnsZone();
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final Map<String, AtomicInteger> queryCounts = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private DnsResponder(DatagramSocket udp, ServerSocket tcp) {
        this.udp = udp;
        this.tcp = tcp;
        daemon("dns-responder-udp", this::serveUdp).start();
        daemon("dns-responder-tcp", this::serveTcp).start();
    }

    /** Binds UDP and TCP on the same free port of {@code host} (e.g. "127.0.0.1" or "::1"). */
    public static DnsResponder start(String host) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            DatagramSocket udp = null;
            try {
                udp = new DatagramSocket(new InetSocketAddress(address, 0));
                ServerSocket tcp = new ServerSocket();
                tcp.setReuseAddress(true);
                try {
                    tcp.bind(new InetSocketAddress(address, udp.getLocalPort()), 50);
                } catch (BindException taken) {
                    tcp.close();
                    udp.close();
                    continue; // the UDP port is taken on TCP: try another
                }
                return new DnsResponder(udp, tcp);
            } catch (IOException e) {
                if (udp != null) {
                    udp.close();
                }
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no port free on both UDP and TCP at " + host);
    }

    /**
     * Binds UDP and TCP on exactly {@code port} of {@code host}, for a process configured before this
     * responder starts (the relay bench); fails when the port is taken.
     */
    public static DnsResponder start(String host, int port) {
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(host), port);
            DatagramSocket udp = new DatagramSocket(address);
            ServerSocket tcp = new ServerSocket();
            try {
                tcp.setReuseAddress(true);
                tcp.bind(address, 50);
            } catch (IOException e) {
                tcp.close();
                udp.close();
                throw e;
            }
            return new DnsResponder(udp, tcp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for DNS at " + host + ":" + port, e);
        }
    }

    public DnsZone zone() {
        return zone;
    }

    public int port() {
        return udp.getLocalPort();
    }

    /** {@code host:port} as {@code postflow.relay.dns-servers} takes it (IPv6 in brackets). */
    public String hostPort() {
        String host = udp.getLocalAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port();
    }

    /** How many queries arrived for {@code name} and {@code type} (e.g. "MX"), over both transports. */
    public int queries(String name, String type) {
        AtomicInteger count = queryCounts.get(key(DnsZone.name(name), Type.value(type.toUpperCase(Locale.ROOT))));
        return count == null ? 0 : count.get();
    }

    /** Builds the answer to one query, or null to stay silent. Package-private for unit tests. */
    Message answer(Message query) {
        Record question = query.getQuestion();
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
            response.getHeader().setFlag(Flags.RA);
        }
        if (question == null) {
            response.getHeader().setRcode(Rcode.FORMERR);
            return response;
        }
        response.addRecord(question, Section.QUESTION);
        queryCounts.computeIfAbsent(key(question.getName(), question.getType()), k -> new AtomicInteger()).incrementAndGet();
        Name name = question.getName();
        for (int hop = 0; hop <= MAX_CNAME_CHAIN; hop++) {
            DnsZone.Failure failure = zone.failure(name);
            if (failure == DnsZone.Failure.NO_ANSWER) {
                return null;
            }
            if (failure == DnsZone.Failure.SERVFAIL) {
                response.getHeader().setRcode(Rcode.SERVFAIL);
                return response;
            }
            if (failure == DnsZone.Failure.NXDOMAIN || !zone.exists(name)) {
                response.getHeader().setRcode(Rcode.NXDOMAIN);
                response.addRecord(soa(name), Section.AUTHORITY);
                return response;
            }
            List<Record> records = zone.recordsOf(name);
            CNAMERecord alias = records.stream().filter(CNAMERecord.class::isInstance).map(CNAMERecord.class::cast)
                    .findFirst().orElse(null);
            if (alias != null && question.getType() != Type.CNAME) {
                response.addRecord(alias, Section.ANSWER);
                name = alias.getTarget();
                continue;
            }
            boolean any = false;
            for (Record record : records) {
                if (record.getType() == question.getType()) {
                    response.addRecord(record, Section.ANSWER);
                    any = true;
                }
            }
            if (!any) {
                response.addRecord(soa(name), Section.AUTHORITY); // NODATA, RFC 2308 §2.2
            }
            return response;
        }
        response.getHeader().setRcode(Rcode.SERVFAIL); // a CNAME loop
        return response;
    }

    private static SOARecord soa(Name name) {
        try {
            Name zoneName = name.labels() > 2 ? new Name(name, name.labels() - 2) : name;
            return new SOARecord(zoneName, DClass.IN, 60, Name.fromString("ns.invalid."),
                    Name.fromString("hostmaster.invalid."), 1, 3600, 600, 86400, 60);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void serveUdp() {
        byte[] buffer = new byte[65535];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
                Message response = answer(new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength())));
                if (response != null) {
                    byte[] wire = response.toWire(512); // truncates (TC) over 512: the client retries on TCP
                    udp.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
                }
            } catch (SocketException e) {
                return; // closed
            } catch (IOException e) {
                // a malformed query: drop it, as a real server would
            }
        }
    }

    private void serveTcp() {
        while (!closed) {
            try {
                Socket socket = tcp.accept();
                daemon("dns-responder-tcp-conn", () -> serveTcpConnection(socket)).start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serveTcpConnection(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            while (!closed) {
                int length = in.readUnsignedShort();
                byte[] query = in.readNBytes(length);
                Message response = answer(new Message(query));
                if (response == null) {
                    continue;
                }
                byte[] wire = response.toWire();
                out.writeShort(wire.length);
                out.write(wire);
                out.flush();
            }
        } catch (IOException e) {
            // the client closed the connection
        }
    }

    private static String key(Name name, int type) {
        return name.toString().toLowerCase(Locale.ROOT) + "/" + type;
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() {
        closed = true;
        udp.close();
        try {
            tcp.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
