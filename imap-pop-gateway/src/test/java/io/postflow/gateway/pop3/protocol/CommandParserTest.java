package io.postflow.gateway.pop3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandParserTest {

    private static Pop3Command parse(String line) throws Pop3ParseException {
        return CommandParser.parse(line.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "USER alice@example.test|User[name=alice@example.test]",
            "user alice|User[name=alice]",
            "PASS correct horse battery|Pass[***]",
            "AUTH|Auth[null]",
            "AUTH plain|Auth[PLAIN]",
            "AUTH PLAIN AGFsaWNlAHB3|Auth[PLAIN]",
            "APOP mrose c4c9334bac560ecc979e58001b3e22fb|Apop[name=mrose, digest=c4c9334bac560ecc979e58001b3e22fb]",
            "STLS|Stls[]",
            "capa|Capa[]",
            "STAT|Stat[]",
            "LIST|List[message=null]",
            "LIST 2|List[message=2]",
            "RETR 1|Retr[message=1]",
            "DELE 10|Dele[message=10]",
            "NOOP|Noop[]",
            "RSET|Rset[]",
            "QUIT|Quit[]",
            "TOP 1 0|Top[message=1, lines=0]",
            "TOP 3 25|Top[message=3, lines=25]",
            "UIDL|Uidl[message=null]",
            "UIDL 7|Uidl[message=7]",
    })
    void parsesEveryCommand(String line, String expected) throws Exception {
        assertThat(parse(line)).hasToString(expected);
    }

    @Test
    void keepsTheInitialResponseAndThePasswordsSpaces() throws Exception {
        assertThat(((Pop3Command.Auth) parse("AUTH PLAIN AGFsaWNlAHB3")).initialResponse()).isEqualTo("AGFsaWNlAHB3");
        assertThat(((Pop3Command.Auth) parse("AUTH PLAIN =")).initialResponse()).isEqualTo("=");
        assertThat(((Pop3Command.Pass) parse("PASS  two  spaces ")).password()).isEqualTo(" two  spaces ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "FROB|unknown command",
            "''|unknown command",
            "RETR|RETR needs a message number",
            "RETR 0|invalid message number",
            "RETR -1|invalid number -1",
            "RETR 1x|invalid number 1x",
            "RETR 1 2|RETR needs a message number",
            "RETR 99999999999|invalid number 99999999999",
            "RETR 4294967296|number too large",
            "DELE|DELE needs a message number",
            "'LIST '|one message number expected",
            "LIST 1 2|one message number expected",
            "TOP 1|TOP needs a message number and a line count",
            "TOP 1 -1|invalid number -1",
            "STAT now|STAT takes no arguments",
            "'QUIT '|QUIT takes no arguments",
            "USER|USER needs a name",
            "USER a b|USER needs a name",
            "PASS|PASS needs a password",
            "'PASS '|PASS needs a password",
            "AUTH PLAIN a b|AUTH takes a mechanism and an optional initial response",
            "AUTH  PLAIN|AUTH takes a mechanism and an optional initial response",
    })
    void refusesMalformedLines(String line, String message) {
        assertThatThrownBy(() -> parse(line)).isInstanceOf(Pop3ParseException.class).hasMessage(message);
    }

    @Test
    void refusesOverlongArgumentsAndControlCharacters() {
        assertThatThrownBy(() -> parse("USER " + "a".repeat(41))).isInstanceOf(Pop3ParseException.class);
        assertThatThrownBy(() -> parse("NOOP\nQUIT")).hasMessage("invalid character in command");
        assertThatThrownBy(() -> parse("USER a\rb")).hasMessage("invalid character in command");
        assertThatThrownBy(() -> parse("USER a\0b")).hasMessage("invalid character in command");
    }
}
