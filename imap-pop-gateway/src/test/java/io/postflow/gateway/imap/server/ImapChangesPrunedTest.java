package io.postflow.gateway.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.gateway.testing.MailboxService;
import io.postflow.testkit.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A selected mailbox whose expunge log was pruned past the session's MODSEQ (mailbox-service answers
 * the catch-up with 410 changes_pruned): the view can no longer be brought up to date, so the server
 * ends the session with BYE (RFC 3501 §7.1.5) and no tagged reply; the client resynchronises on
 * reconnect.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MailboxServiceProcess.class)
class ImapChangesPrunedTest {

    @Inject
    ImapServer server;

    @Test
    void aSessionBehindThePrunedExpungeLogIsClosedWithBye() throws Exception {
        // An account of its own: the horizon set below would end every later session on it.
        String user = "pruned@" + MailboxService.DOMAIN;
        MailboxServiceProcess.newAccount(user);
        try (ImapTestClient c = ImapTestClient.connect(server.port("imap"))) {
            c.run("""
                    S: \\* OK .*
                    C: p1 LOGIN %s "%s"
                    S: p1 OK .*
                    C: p2 SELECT INBOX
                    """.formatted(user, MailboxServiceProcess.PASSWORD));
            c.until("p2");
            // Another session expunged at the next MODSEQ and the pruner removed that entry since:
            // what the session would need to catch up is gone.
            MailboxServiceProcess.sql("UPDATE mailbox SET highestmodseq = highestmodseq + 1, "
                    + "expunge_pruned_modseq = highestmodseq + 1 "
                    + "WHERE account_id = (SELECT id FROM account WHERE address = '" + user + "')");
            c.run("""
                    C: p3 NOOP
                    S: \\* BYE .*reconnect to resynchronise
                    """);
            assertThat(c.closedByServer()).as("closed after the BYE, without a tagged reply").isTrue();
        }
        try (ImapTestClient c = ImapTestClient.connect(server.port("imap"))) {
            // On reconnect, SELECT starts from the current state and catching up works again.
            c.run("""
                    S: \\* OK .*
                    C: r1 LOGIN %s "%s"
                    S: r1 OK .*
                    C: r2 SELECT INBOX
                    """.formatted(user, MailboxServiceProcess.PASSWORD));
            c.until("r2");
            c.run("""
                    C: r3 NOOP
                    S: r3 OK .*
                    C: r4 LOGOUT
                    S: \\* BYE .*
                    S: r4 OK LOGOUT completed
                    """);
        }
    }
}
