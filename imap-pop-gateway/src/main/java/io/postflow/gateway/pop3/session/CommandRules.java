package io.postflow.gateway.pop3.session;

import io.postflow.gateway.pop3.protocol.Pop3Command;
import java.util.Set;

/** Which command is valid in which state (RFC 1939 §4–7, RFC 2449 §5, RFC 2595 §4, RFC 5034 §4), in one place. */
public final class CommandRules {

    private static final Set<Class<?>> ANY_STATE = Set.of(Pop3Command.Capa.class, Pop3Command.Quit.class);
    private static final Set<Class<?>> AUTHORIZATION = Set.of(Pop3Command.User.class, Pop3Command.Pass.class,
            Pop3Command.Auth.class, Pop3Command.Apop.class, Pop3Command.Stls.class);
    private static final Set<Class<?>> TRANSACTION = Set.of(Pop3Command.Stat.class, Pop3Command.List.class,
            Pop3Command.Retr.class, Pop3Command.Dele.class, Pop3Command.Noop.class, Pop3Command.Rset.class,
            Pop3Command.Top.class, Pop3Command.Uidl.class);

    private CommandRules() {
    }

    /** Null when {@code command} may run in {@code state}, else why not. */
    public static String refusal(Pop3Command command, Pop3State state) {
        Class<?> type = command.getClass();
        if (ANY_STATE.contains(type)) {
            return null;
        }
        if (state instanceof Pop3State.Authorization a) {
            if (command instanceof Pop3Command.Pass && a.user() == null) {
                return "USER first"; // RFC 1939 §7: PASS only right after a successful USER
            }
            return AUTHORIZATION.contains(type) ? null : "not logged in";
        }
        if (state instanceof Pop3State.Transaction) {
            return TRANSACTION.contains(type) ? null : "already logged in";
        }
        return "session is closing";
    }
}
