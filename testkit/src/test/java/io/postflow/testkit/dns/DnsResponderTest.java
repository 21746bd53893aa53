package io.postflow.testkit.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

class DnsResponderTest {

    private static DnsResponder dns;
    private static SimpleResolver udp;
    private static SimpleResolver tcp;

    @BeforeAll
    static void start() throws IOException {
        dns = DnsResponder.start("127.0.0.1");
        dns.zone().mx("example.test", 20, "mx2.example.test").mx("example.test", 10, "mx1.example.test")
                .a("mx1.example.test", "127.0.0.2").aaaa("mx1.example.test", "::1")
                .nullMx("nomail.test").txt("example.test", "v=spf1 -all")
                .cname("alias.example.test", "mx1.example.test")
                .a("broken.test", "127.0.0.9").servfail("broken.test")
                .a("silent.test", "127.0.0.9").timeout("silent.test");
        udp = resolver(false);
        tcp = resolver(true);
    }

    private static SimpleResolver resolver(boolean useTcp) {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress("127.0.0.1", dns.port()));
        resolver.setTCP(useTcp);
        resolver.setTimeout(Duration.ofSeconds(3)); // generous: the build machine is shared
        return resolver;
    }

    @AfterAll
    static void stop() {
        dns.close();
    }

    private static Message ask(SimpleResolver resolver, String name, int type) throws IOException {
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
    }

    @Test
    void answersMxWithPreferencesOverUdpAndTcp() throws IOException {
        for (SimpleResolver resolver : new SimpleResolver[] {udp, tcp}) {
            Message answer = ask(resolver, "EXAMPLE.test.", Type.MX);
            assertThat(answer.getRcode()).isEqualTo(Rcode.NOERROR);
            assertThat(answer.getSection(Section.ANSWER)).map(r -> ((MXRecord) r).getPriority() + " " + ((MXRecord) r).getTarget().toString().toLowerCase())
                    .containsExactlyInAnyOrder("20 mx2.example.test.", "10 mx1.example.test.");
        }
        assertThat(dns.queries("example.test", "MX")).isEqualTo(2);
    }

    @Test
    void answersAddressesTxtAndFollowsCname() throws IOException {
        assertThat(ask(udp, "mx1.example.test.", Type.AAAA).getSection(Section.ANSWER)).map(Record::rdataToString)
                .containsExactly("0:0:0:0:0:0:0:1");
        assertThat(ask(udp, "example.test.", Type.TXT).getSection(Section.ANSWER)).map(Record::rdataToString)
                .containsExactly("\"v=spf1 -all\"");
        assertThat(ask(udp, "alias.example.test.", Type.A).getSection(Section.ANSWER)).map(Record::rdataToString)
                .containsExactly("mx1.example.test.", "127.0.0.2");
    }

    @Test
    void nullMxNodataNxdomainServfail() throws IOException {
        MXRecord nullMx = (MXRecord) ask(udp, "nomail.test.", Type.MX).getSection(Section.ANSWER).get(0);
        assertThat(nullMx.getPriority()).isZero();
        assertThat(nullMx.getTarget()).isEqualTo(Name.root);

        Message nodata = ask(udp, "mx1.example.test.", Type.MX);
        assertThat(nodata.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(nodata.getSection(Section.ANSWER)).isEmpty();

        assertThat(ask(udp, "nowhere.test.", Type.MX).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(ask(tcp, "broken.test.", Type.A).getRcode()).isEqualTo(Rcode.SERVFAIL);
    }

    @Test
    void truncatesLargeUdpAnswersSoTheClientRetriesOverTcp() throws IOException {
        for (int i = 0; i < 60; i++) {
            dns.zone().mx("big.test", i, "mx" + i + ".a-rather-long-host-name-to-fill-the-packet.big.test");
        }
        SimpleResolver strictUdp = resolver(false);
        strictUdp.setIgnoreTruncation(true);
        assertThat(ask(strictUdp, "big.test.", Type.MX).getHeader().getFlag(org.xbill.DNS.Flags.TC)).isTrue();
        // dnsjava retries a truncated answer over TCP by itself.
        assertThat(ask(udp, "big.test.", Type.MX).getSection(Section.ANSWER)).hasSize(60);
    }

    @Test
    void staysSilentForTimeoutNames() {
        SimpleResolver impatient = resolver(false);
        impatient.setTimeout(Duration.ofMillis(300));
        assertThatThrownBy(() -> ask(impatient, "silent.test.", Type.A)).isInstanceOf(IOException.class);
    }
}
