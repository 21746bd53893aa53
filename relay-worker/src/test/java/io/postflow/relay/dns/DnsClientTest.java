package io.postflow.relay.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class DnsClientTest {

    @Test
    void parsesServerAddressesOfBothFamilies() {
        assertThat(DnsClient.socketAddress("127.0.0.1:5353")).isEqualTo(new InetSocketAddress("127.0.0.1", 5353));
        assertThat(DnsClient.socketAddress("[::1]:5353")).isEqualTo(new InetSocketAddress("::1", 5353));
        assertThat(DnsClient.socketAddress("[::1]").getPort()).isEqualTo(53);
        assertThat(DnsClient.socketAddress("10.0.0.53").getPort()).isEqualTo(53);
    }

    private static Message response(int rcode) {
        Message message = new Message();
        message.getHeader().setRcode(rcode);
        return message;
    }

    @Test
    void interpretsRcodesAndEmptyAnswers() throws Exception {
        assertThat(DnsClient.interpret(response(Rcode.NXDOMAIN), Type.MX)).isInstanceOf(DnsAnswer.NxDomain.class);
        assertThat(DnsClient.interpret(response(Rcode.SERVFAIL), Type.MX)).isEqualTo(new DnsAnswer.Failure("DNS SERVFAIL"));
        assertThat(DnsClient.interpret(response(Rcode.REFUSED), Type.MX)).isInstanceOf(DnsAnswer.Failure.class);
        assertThat(DnsClient.interpret(response(Rcode.NOERROR), Type.MX)).isInstanceOf(DnsAnswer.NoData.class);
    }

    @Test
    void keepsOnlyRecordsOfTheAskedTypeAndNoticesAnUnfollowedCname() throws Exception {
        Name alias = Name.fromString("alias.test.");
        Name target = Name.fromString("target.test.");
        Message followed = response(Rcode.NOERROR);
        followed.addRecord(new CNAMERecord(alias, DClass.IN, 60, target), Section.ANSWER);
        followed.addRecord(new ARecord(target, DClass.IN, 60, InetAddress.getByName("192.0.2.1")), Section.ANSWER);
        Message unfollowed = response(Rcode.NOERROR);
        unfollowed.addRecord(new CNAMERecord(alias, DClass.IN, 60, target), Section.ANSWER);

        DnsAnswer answer = DnsClient.interpret(followed, Type.A);
        assertThat(answer).isInstanceOf(DnsAnswer.Records.class);
        assertThat(((DnsAnswer.Records) answer).records()).hasSize(1).allMatch(ARecord.class::isInstance);
        assertThat(DnsClient.interpret(unfollowed, Type.A)).isInstanceOf(DnsAnswer.Failure.class);
    }
}
