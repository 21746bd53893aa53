package io.postflow.common.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.postflow.common.address.ForwardPath;
import io.postflow.common.address.ReversePath;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SmtpCommandParserTest {

    @Test
    void decodesEveryCommand() {
        assertThat(parse("EHLO client.example")).isEqualTo(new SmtpCommand.Ehlo("client.example"));
        assertThat(parse("ehlo [192.0.2.1]")).isEqualTo(new SmtpCommand.Ehlo("[192.0.2.1]"));
        assertThat(parse("HELO client.example")).isEqualTo(new SmtpCommand.Helo("client.example"));
        assertThat(parse("DATA")).isEqualTo(new SmtpCommand.Data());
        assertThat(parse("RSET")).isEqualTo(new SmtpCommand.Rset());
        assertThat(parse("NOOP anything")).isEqualTo(new SmtpCommand.Noop());
        assertThat(parse("QUIT")).isEqualTo(new SmtpCommand.Quit());
        assertThat(parse("STARTTLS")).isEqualTo(new SmtpCommand.StartTls());
        assertThat(parse("VRFY bob")).isEqualTo(new SmtpCommand.Vrfy("bob"));
        assertThat(parse("EXPN staff")).isEqualTo(new SmtpCommand.Expn("staff"));
        assertThat(parse("HELP")).isEqualTo(new SmtpCommand.Help(null));
        assertThat(parse("HELP MAIL")).isEqualTo(new SmtpCommand.Help("MAIL"));
        assertThat(parse("BDAT 1000")).isEqualTo(new SmtpCommand.Bdat(1000, false));
        assertThat(parse("BDAT 0 LAST")).isEqualTo(new SmtpCommand.Bdat(0, true));
        assertThat(parse("AUTH PLAIN AGFsaWNlAHNlY3JldA==")).isEqualTo(new SmtpCommand.Auth("PLAIN", "AGFsaWNlAHNlY3JldA=="));
        assertThat(parse("auth login")).isEqualTo(new SmtpCommand.Auth("LOGIN", null));
        assertThat(parse("AUTH PLAIN =")).isEqualTo(new SmtpCommand.Auth("PLAIN", ""));
    }

    @Test
    void mailWithParameters() {
        SmtpCommand.Mail mail = (SmtpCommand.Mail) parse("MAIL FROM:<alice@example.test> SIZE=1000 body=8bitmime RET=HDRS ENVID=QQ314159");
        assertThat(mail.from().envelopeAddress()).isEqualTo("alice@example.test");
        assertThat(mail.parameters()).containsExactly(Map.entry("SIZE", "1000"), Map.entry("BODY", "8bitmime"),
                Map.entry("RET", "HDRS"), Map.entry("ENVID", "QQ314159"));
    }

    @Test
    void nullReversePathAndSpaceAfterColon() {
        assertThat(((SmtpCommand.Mail) parse("MAIL FROM:<>")).from()).isEqualTo(ReversePath.NULL);
        assertThat(((SmtpCommand.Mail) parse("mail from: <a@b.test>")).from().envelopeAddress()).isEqualTo("a@b.test");
    }

    @Test
    void quotedLocalPartWithSpacesAndBracket() {
        SmtpCommand.Mail mail = (SmtpCommand.Mail) parse("MAIL FROM:<\"john > doe\"@example.test> SIZE=10");
        assertThat(mail.parameters()).containsEntry("SIZE", "10");
    }

    @Test
    void smtputf8AllowsUtf8InItsOwnPathOnly() {
        SmtpCommand.Mail mail = (SmtpCommand.Mail) parse("MAIL FROM:<jöran@bücher.example> SMTPUTF8");
        assertThat(mail.parameters()).containsEntry("SMTPUTF8", null);
        assertThatThrownBy(() -> parse("MAIL FROM:<jöran@bücher.example>"))
                .satisfies(e -> assertThat(reply(e).status()).hasToString("5.1.7"));
        assertThat(SmtpCommandParser.parse("RCPT TO:<jöran@bücher.example>", true)).isInstanceOf(SmtpCommand.Rcpt.class);
        assertThatThrownBy(() -> SmtpCommandParser.parse("RCPT TO:<jöran@bücher.example>", false))
                .satisfies(e -> assertThat(reply(e).status()).hasToString("5.1.3"));
    }

    @Test
    void rcptPostmasterAndNotify() {
        SmtpCommand.Rcpt rcpt = (SmtpCommand.Rcpt) parse("RCPT TO:<Postmaster> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;bob@x.test");
        assertThat(rcpt.to()).isEqualTo(ForwardPath.POSTMASTER);
        assertThat(rcpt.parameters()).containsEntry("NOTIFY", "SUCCESS,FAILURE").containsEntry("ORCPT", "rfc822;bob@x.test");
    }

    @Test
    void sourceRoutesAreIgnored() {
        SmtpCommand.Rcpt rcpt = (SmtpCommand.Rcpt) parse("RCPT TO:<@hop1.test,@hop2.test:bob@example.test>");
        assertThat(rcpt.to().path()).isEqualTo("<bob@example.test>");
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "FOO bar|500|5.5.1",
            "|500|5.5.1",
            "EHLO|501|5.5.4",
            "EHLO   |501|5.5.4",
            "HELO a b|501|5.5.4",
            "MAIL|501|5.5.4",
            "MAIL TO:<a@b.test>|501|5.5.4",
            "MAIL FROM:a@b.test|501|5.5.4",
            "MAIL FROM:<a@b.test|501|5.5.4",
            "MAIL FROM:<a@b.test>SIZE=1|501|5.5.4",
            "MAIL FROM:<a@@b.test>|501|5.1.7",
            "MAIL FROM:<a@b.test> SIZE=1 SIZE=2|501|5.5.4",
            "MAIL FROM:<a@b.test> SMTPUTF8 SMTPUTF8|501|5.5.4",
            "MAIL FROM:<a@b.test> SI_ZE=1|501|5.5.4",
            "MAIL FROM:<a@b.test> SIZE=|501|5.5.4",
            "MAIL FROM:<a@b.test> X=a=b|501|5.5.4",
            "RCPT TO:<>|501|5.1.3",
            "RCPT TO:<bob>|501|5.1.3",
            "RCPT FROM:<bob@x.test>|501|5.5.4",
            "DATA now|501|5.5.4",
            "RSET x|501|5.5.4",
            "QUIT x|501|5.5.4",
            "STARTTLS x|501|5.5.4",
            "BDAT|501|5.5.4",
            "BDAT x|501|5.5.4",
            "BDAT -1|501|5.5.4",
            "BDAT 10 FIRST|501|5.5.4",
            "BDAT 10 LAST more|501|5.5.4",
            "BDAT 1234567890123456789|501|5.5.4",
            "AUTH|501|5.5.4",
            "AUTH PLAIN a b|501|5.5.4",
            "VRFY|501|5.5.4",
            "EXPN|501|5.5.4",
    })
    void refusesWithThePreciseReply(String line, int code, String status) {
        assertThatThrownBy(() -> parse(line == null ? "" : line))
                .isInstanceOf(SmtpSyntaxException.class)
                .satisfies(e -> {
                    assertThat(reply(e).code()).isEqualTo(code);
                    assertThat(reply(e).status()).hasToString(status);
                });
    }

    @Test
    void bareLineBreaksAndNulAreNeverAccepted() {
        for (String line : new String[] {"HELO a\nMAIL FROM:<x@y.test>", "HELO a\rb", "RCPT TO:<a@b.test>\n", "NOOP \0"}) {
            assertThatThrownBy(() -> parse(line)).satisfies(e -> {
                assertThat(reply(e).code()).isEqualTo(500);
                assertThat(reply(e).status()).hasToString("5.5.2");
            });
        }
    }

    @Test
    void encoderAndParserAgree() {
        for (String line : new String[] {"EHLO client.example", "MAIL FROM:<a@b.test> SIZE=10 BODY=8BITMIME",
                "MAIL FROM:<>", "RCPT TO:<bob@example.test> NOTIFY=NEVER", "RCPT TO:<Postmaster>", "DATA", "BDAT 5 LAST",
                "RSET", "NOOP", "QUIT", "STARTTLS", "AUTH PLAIN =", "AUTH LOGIN"}) {
            assertThat(SmtpCommandEncoder.encode(parse(line))).isEqualTo(line + "\r\n");
        }
    }

    @Test
    void encoderRefusesLineBreaksInValues() {
        assertThatThrownBy(() -> SmtpCommandEncoder.encode(new SmtpCommand.Ehlo("evil\r\nRCPT TO:<x@y.test>")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpCommandEncoder.encode(new SmtpCommand.Help("a\nb")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static SmtpCommand parse(String line) {
        return SmtpCommandParser.parse(line, false);
    }

    private static SmtpReply reply(Throwable e) {
        return ((SmtpSyntaxException) e).reply();
    }
}
