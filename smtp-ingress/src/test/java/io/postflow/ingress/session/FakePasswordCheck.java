package io.postflow.ingress.session;

import io.postflow.ingress.auth.AuthVerdict;
import io.postflow.ingress.auth.PasswordCheck;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Accounts with passwords, as mailbox-service would answer for them; or a fixed verdict. */
final class FakePasswordCheck implements PasswordCheck {

    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    final List<String> asked = new CopyOnWriteArrayList<>();
    volatile AuthVerdict forced;

    FakePasswordCheck account(String address, String password) {
        passwords.put(address, password);
        return this;
    }

    @Override
    public Uni<AuthVerdict> verify(String address, String password, String clientAddress) {
        asked.add(address + " from " + clientAddress);
        if (forced != null) {
            return Uni.createFrom().item(forced);
        }
        boolean right = password.equals(passwords.get(address));
        return Uni.createFrom().item(right ? new AuthVerdict.Verified(address, 7) : new AuthVerdict.Rejected());
    }
}
