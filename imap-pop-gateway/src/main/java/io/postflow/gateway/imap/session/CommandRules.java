package io.postflow.gateway.imap.session;

import io.postflow.gateway.imap.protocol.ImapCommand;
import java.util.Map;
import java.util.Set;

/** In which state each command is valid (RFC 3501 §6.1 to §6.4), declared once. */
final class CommandRules {

    private enum Needs { ANY, NOT_AUTHENTICATED, AUTHENTICATED, AUTHENTICATED_NOT_SELECTED, SELECTED }

    private static final Map<Class<?>, Needs> RULES = Map.ofEntries(
            Map.entry(ImapCommand.Capability.class, Needs.ANY),
            Map.entry(ImapCommand.Noop.class, Needs.ANY),
            Map.entry(ImapCommand.Logout.class, Needs.ANY),
            Map.entry(ImapCommand.StartTls.class, Needs.NOT_AUTHENTICATED),
            Map.entry(ImapCommand.Authenticate.class, Needs.NOT_AUTHENTICATED),
            Map.entry(ImapCommand.Login.class, Needs.NOT_AUTHENTICATED),
            Map.entry(ImapCommand.Select.class, Needs.AUTHENTICATED),
            Map.entry(ImapCommand.Examine.class, Needs.AUTHENTICATED),
            Map.entry(ImapCommand.Create.class, Needs.AUTHENTICATED),
            Map.entry(ImapCommand.Delete.class, Needs.AUTHENTICATED),
            Map.entry(ImapCommand.Rename.class, Needs.AUTHENTICATED),
            Map.entry(ImapCommand.Subscribe.class, Needs.AUTHENTICATED),
            Map.entry(ImapCommand.Unsubscribe.class, Needs.AUTHENTICATED),
            Map.entry(ImapCommand.ListMailboxes.class, Needs.AUTHENTICATED),
            Map.entry(ImapCommand.Status.class, Needs.AUTHENTICATED),
            Map.entry(ImapCommand.Append.class, Needs.AUTHENTICATED),
            Map.entry(ImapCommand.Check.class, Needs.SELECTED),
            Map.entry(ImapCommand.Close.class, Needs.SELECTED),
            Map.entry(ImapCommand.Expunge.class, Needs.SELECTED),
            Map.entry(ImapCommand.Search.class, Needs.SELECTED),
            Map.entry(ImapCommand.Fetch.class, Needs.SELECTED),
            Map.entry(ImapCommand.Store.class, Needs.SELECTED),
            Map.entry(ImapCommand.Copy.class, Needs.SELECTED),
            // Extensions (see Extensions): RFC 2177, 6851, 3691, 2342, 2971, 5161 §3.1.
            Map.entry(ImapCommand.Idle.class, Needs.AUTHENTICATED),
            Map.entry(ImapCommand.Move.class, Needs.SELECTED),
            Map.entry(ImapCommand.Unselect.class, Needs.SELECTED),
            Map.entry(ImapCommand.Namespace.class, Needs.AUTHENTICATED),
            Map.entry(ImapCommand.Id.class, Needs.ANY),
            Map.entry(ImapCommand.Enable.class, Needs.AUTHENTICATED_NOT_SELECTED),
            // QUOTA (RFC 9208 §4).
            Map.entry(ImapCommand.GetQuota.class, Needs.AUTHENTICATED),
            Map.entry(ImapCommand.GetQuotaRoot.class, Needs.AUTHENTICATED),
            Map.entry(ImapCommand.SetQuota.class, Needs.AUTHENTICATED));

    private CommandRules() {
    }

    /** Null when allowed, else why not (answered NO before the handler runs). */
    static String refusal(ImapCommand command, ImapState state) {
        Needs needs = RULES.get(command.getClass());
        boolean authenticated = state instanceof ImapState.Authenticated || state instanceof ImapState.Selected;
        switch (needs) {
            case ANY:
                return null;
            case NOT_AUTHENTICATED:
                return state instanceof ImapState.NotAuthenticated ? null : "already authenticated";
            case AUTHENTICATED:
                return authenticated ? null : "log in first";
            case AUTHENTICATED_NOT_SELECTED:
                return state instanceof ImapState.Authenticated ? null : authenticated ? "not valid while a mailbox is selected"
                        : "log in first";
            default:
                return state instanceof ImapState.Selected ? null : authenticated ? "select a mailbox first" : "log in first";
        }
    }

    static Set<Class<?>> commands() {
        return RULES.keySet();
    }
}
