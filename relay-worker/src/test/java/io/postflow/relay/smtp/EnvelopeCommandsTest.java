package io.postflow.relay.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.postflow.common.record.MailParameters;
import io.postflow.common.record.Notify;
import io.postflow.common.record.Recipient;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvelopeCommandsTest {

    private static final Capabilities ALL = new Capabilities(Set.of("SIZE", "DSN", "8BITMIME", "SMTPUTF8"), 1000);
    private static final Capabilities NONE = Capabilities.NONE;
    private static final MailParameters DSN = new MailParameters(null, false, "FULL", "id=1 2", null);

    @Test
    void mailCarriesOnlyWhatTheServerOffers() {
        MessageTraits traits = new MessageTraits(120, true, false, false);

        assertThat(EnvelopeCommands.mail("a@b.test", DSN, traits, ALL))
                .isEqualTo("MAIL FROM:<a@b.test> SIZE=120 BODY=8BITMIME RET=FULL ENVID=id+3D1+202\r\n");
        assertThat(EnvelopeCommands.mail("", DSN, new MessageTraits(120, false, false, false), NONE))
                .isEqualTo("MAIL FROM:<>\r\n");
    }

    @Test
    void smtputf8ParameterForInternationalAddresses() {
        MessageTraits traits = new MessageTraits(1, false, false, true);
        assertThat(EnvelopeCommands.mail("j\u00f6rg@b.test", MailParameters.NONE, traits, ALL))
                .isEqualTo("MAIL FROM:<j\u00f6rg@b.test> SIZE=1 SMTPUTF8\r\n");
    }

    @Test
    void rcptCarriesDsnParametersAsXtext() {
        Recipient recipient = new Recipient("c@d.test", Set.of(Notify.DELAY, Notify.FAILURE), "rfc822;C+x@D.test");
        MessageTraits traits = new MessageTraits(1, false, false, false);

        assertThat(EnvelopeCommands.rcpt(recipient, traits, ALL))
                .isEqualTo("RCPT TO:<c@d.test> NOTIFY=FAILURE,DELAY ORCPT=rfc822;C+2Bx@D.test\r\n");
        assertThat(EnvelopeCommands.rcpt(recipient, traits, NONE)).isEqualTo("RCPT TO:<c@d.test>\r\n");
    }

    @Test
    void refusesAddressesThatCouldSmuggleCommands() {
        MessageTraits traits = new MessageTraits(1, false, false, false);
        assertThatThrownBy(() -> EnvelopeCommands.rcpt(Recipient.of("x@d.test>\r\nRCPT TO:<y@d.test"), traits, NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EnvelopeCommands.mail("a@b.test\r\nDATA", MailParameters.NONE, traits, NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
