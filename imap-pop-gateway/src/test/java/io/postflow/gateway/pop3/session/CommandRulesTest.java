package io.postflow.gateway.pop3.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.gateway.mailbox.Maildrop;
import io.postflow.gateway.pop3.protocol.Pop3Command;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandRulesTest {

    private static final Pop3State NO_USER = new Pop3State.Authorization(null);
    private static final Pop3State USER_GIVEN = new Pop3State.Authorization("alice");
    private static final Pop3State TRANSACTION = new Pop3State.Transaction("alice",
            new MaildropView(new Maildrop("lease", 1, 7, new long[0], new long[0])));

    private static final List<Pop3Command> AUTHORIZATION_ONLY = List.of(new Pop3Command.User("a"),
            new Pop3Command.Auth("PLAIN", null), new Pop3Command.Apop("a", "b"), new Pop3Command.Stls());
    private static final List<Pop3Command> TRANSACTION_ONLY = List.of(new Pop3Command.Stat(), new Pop3Command.List(null),
            new Pop3Command.Retr(1), new Pop3Command.Dele(1), new Pop3Command.Noop(), new Pop3Command.Rset(),
            new Pop3Command.Top(1, 0), new Pop3Command.Uidl(null));

    @Test
    void authorizationCommandsOnlyBeforeLogin() {
        for (Pop3Command command : AUTHORIZATION_ONLY) {
            assertThat(CommandRules.refusal(command, NO_USER)).as(command.keyword()).isNull();
            assertThat(CommandRules.refusal(command, TRANSACTION)).as(command.keyword()).isEqualTo("already logged in");
        }
    }

    @Test
    void transactionCommandsOnlyAfterLogin() {
        for (Pop3Command command : TRANSACTION_ONLY) {
            assertThat(CommandRules.refusal(command, TRANSACTION)).as(command.keyword()).isNull();
            assertThat(CommandRules.refusal(command, NO_USER)).as(command.keyword()).isEqualTo("not logged in");
        }
    }

    @Test
    void passOnlyAfterUser() {
        assertThat(CommandRules.refusal(new Pop3Command.Pass("x"), NO_USER)).isEqualTo("USER first");
        assertThat(CommandRules.refusal(new Pop3Command.Pass("x"), USER_GIVEN)).isNull();
        assertThat(CommandRules.refusal(new Pop3Command.Pass("x"), TRANSACTION)).isEqualTo("already logged in");
    }

    @Test
    void capaAndQuitEverywhereNothingElseWhenClosed() {
        for (Pop3State state : List.of(NO_USER, TRANSACTION, new Pop3State.Closed())) {
            assertThat(CommandRules.refusal(new Pop3Command.Capa(), state)).isNull();
            assertThat(CommandRules.refusal(new Pop3Command.Quit(), state)).isNull();
        }
        assertThat(CommandRules.refusal(new Pop3Command.Stat(), new Pop3State.Closed())).isEqualTo("session is closing");
    }
}
