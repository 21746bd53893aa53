package io.postflow.gateway.imap.session;

/** RFC 3501 §3 connection states; each holds only what is valid in it. */
public sealed interface ImapState {

    record NotAuthenticated() implements ImapState {
    }

    record Authenticated(String account) implements ImapState {
    }

    record Selected(String account, SelectedView view) implements ImapState {
    }

    record LoggedOut() implements ImapState {
    }
}
