package io.postflow.ingress.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.common.record.Envelope;
import io.postflow.common.record.MailParameters;
import io.postflow.common.record.Notify;
import io.postflow.common.record.Recipient;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** MAIL and RCPT: ESMTP parameters kept in the envelope, and the relay policy of the MX port. */
class TranscriptMailTest {

    private final TestEngine engine = new TestEngine();

    @AfterEach
    void close() {
        engine.close();
    }

    private static String helo() {
        return "S: 220 .*\nC: HELO client.example\nS: 250 .*\n";
    }

    @Test
    void sizeBodyAndUnknownParameters() {
        new TranscriptRunner(engine).play(helo() + """
                C: MAIL FROM:<a@remote.example> SIZE=20000
                S: 552 5\\.3\\.4 .*
                C: MAIL FROM:<a@remote.example> SIZE=12x
                S: 501 5\\.5\\.4 .*
                C: MAIL FROM:<a@remote.example> SIZE=99999999999999999999
                S: 552 5\\.3\\.4 .*
                C: MAIL FROM:<a@remote.example> BODY=BINARYMIME
                S: 555 5\\.5\\.4 .*
                C: MAIL FROM:<a@remote.example> FOO=bar
                S: 555 5\\.5\\.4 Unsupported parameter FOO
                C: MAIL FROM:<a@remote.example> SMTPUTF8=yes
                S: 501 5\\.5\\.4 .*
                C: MAIL FROM:<a@remote.example> RET=ALL
                S: 501 5\\.5\\.4 .*
                C: MAIL FROM:<a@remote.example> ENVID=bad+zz
                S: 501 5\\.5\\.4 .*
                C: MAIL FROM:<a@remote.example> SIZE=100 BODY=8bitmime
                S: 250 2\\.1\\.0 .*
                C: RCPT TO:<alice@example.test> FOO=bar
                S: 555 5\\.5\\.4 .*
                C: RCPT TO:<alice@example.test> NOTIFY=NEVER,SUCCESS
                S: 501 5\\.5\\.4 .*
                C: RCPT TO:<alice@example.test> ORCPT=nosemicolon
                S: 501 5\\.5\\.4 .*
                """).noMoreReplies();
    }

    @Test
    void dsnAndUtf8ParametersTravelInTheEnvelope() {
        new TranscriptRunner(engine).play(helo() + """
                C: MAIL FROM:<j\u00f6rg@remote.example> SMTPUTF8 BODY=8BITMIME RET=HDRS ENVID=QQ+2B1 SIZE=40 AUTH=<>
                S: 250 2\\.1\\.0 .*
                C: RCPT TO:<alice@example.test> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;alice+40example.test
                S: 250 2\\.1\\.5 .*
                C: RCPT TO:<Bob@Example.TEST>
                S: 250 2\\.1\\.5 .*
                C: DATA
                S: 354 .*
                C: Subject: gr\u00fc\u00dfe
                C:
                C: .
                S: 250 2\\.0\\.0 .*
                """).noMoreReplies();
        Envelope envelope = engine.spool.records.get(0).envelope();
        assertThat(envelope.mailFrom()).isEqualTo("j\u00f6rg@remote.example");
        assertThat(envelope.mailParameters()).isEqualTo(new MailParameters("8BITMIME", true, "HDRS", "QQ+1", 40L));
        assertThat(envelope.recipients()).containsExactly(
                new Recipient("alice@example.test", Set.of(Notify.SUCCESS, Notify.FAILURE), "rfc822;alice@example.test"),
                Recipient.of("Bob@example.test"));
    }

    @Test
    void relayPolicyOfTheMxPort() {
        new TranscriptRunner(engine).play(helo() + """
                C: MAIL FROM:<a@remote.example>
                S: 250 .*
                C: RCPT TO:<someone@remote.example>
                S: 550 5\\.7\\.1 Relaying denied for <someone@remote\\.example>
                C: RCPT TO:<nobody@example.test>
                S: 550 5\\.1\\.1 No such user here: <nobody@example\\.test>
                C: RCPT TO:<info@example.test>
                S: 250 2\\.1\\.5 .*
                C: RCPT TO:<postmaster@example.test>
                S: 250 2\\.1\\.5 .*
                C: RCPT TO:<PostMaster@Example.Test>
                S: 250 2\\.1\\.5 .*
                C: RCPT TO:<Postmaster>
                S: 250 2\\.1\\.5 .*
                C: RCPT TO:<user@[192.0.2.1]>
                S: 550 5\\.7\\.1 .*
                """).noMoreReplies();
    }

    @Test
    void whileTheDirectoryLoadsRcptIsDeferredNeverRefused() {
        TestEngine loading = new TestEngine(false);
        try {
            new TranscriptRunner(loading).play(helo() + """
                    C: MAIL FROM:<a@remote.example>
                    S: 250 .*
                    C: RCPT TO:<nobody@example.test>
                    S: 451 4\\.3\\.0 Directory not available yet, try again later
                    C: RCPT TO:<Postmaster>
                    S: 250 2\\.1\\.5 .*
                    """).noMoreReplies();
        } finally {
            loading.close();
        }
    }

    @Test
    void theHundredAndFirstRecipientIsDeferredWith452() {
        StringBuilder script = new StringBuilder(helo() + "C: MAIL FROM:<a@remote.example>\nS: 250 .*\n");
        for (int i = 0; i < 100; i++) {
            script.append("C: RCPT TO:<alice@example.test>\n");
        }
        script.append("C: RCPT TO:<bob@example.test>\n");
        for (int i = 0; i < 100; i++) {
            script.append("S: 250 2\\.1\\.5 .*\n");
        }
        script.append("S: 452 4\\.5\\.3 Too many recipients\nC: DATA\nS: 354 .*\nC: .\nS: 250 .*\n");
        new TranscriptRunner(engine).play(script.toString()).noMoreReplies();
        assertThat(engine.spool.records.get(0).envelope().recipients()).hasSize(100);
    }
}
