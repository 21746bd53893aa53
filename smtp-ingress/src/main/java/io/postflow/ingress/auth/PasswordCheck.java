package io.postflow.ingress.auth;

import io.smallrye.mutiny.Uni;

/** Asks whoever owns the accounts (mailbox-service) whether a password is right. Never fails: see {@link AuthVerdict}. */
public interface PasswordCheck {

    Uni<AuthVerdict> verify(String address, String password, String clientAddress);
}
