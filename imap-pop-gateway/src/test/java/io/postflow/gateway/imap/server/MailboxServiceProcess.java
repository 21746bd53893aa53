package io.postflow.gateway.imap.server;

import io.postflow.gateway.testing.MailboxService;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The real mailbox-service for every {@code @QuarkusTest} of the IMAP server (see
 * {@link MailboxService}), with one account, {@value #USER} / {@value #PASSWORD}, and a
 * self-signed certificate for the IMAP listeners.
 */
public class MailboxServiceProcess implements QuarkusTestResourceLifecycleManager {

    public static final String USER = "alice@example.test";
    public static final String PASSWORD = "correct horse battery";
    static final String INTERNAL_TOKEN = "imap-test-internal-token-0123456789";
    static final String ADMIN_TOKEN = "imap-test-admin-token-0123456789";

    /** The service the static helpers call: the one the running application uses. */
    private static volatile MailboxService current;

    private MailboxService service;

    @Override
    public Map<String, String> start() {
        try {
            service = new MailboxService("mailbox-service.log", ADMIN_TOKEN, INTERNAL_TOKEN);
            service.start();
            current = service;
            service.admin("/api/v1/accounts", "{\"address\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}");
            return service.gatewaySettings("imap");
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("cannot start mailbox-service for the IMAP tests", e);
        }
    }

    /** A new account with {@link #PASSWORD}, for a test that changes its mailboxes behind the API's back. */
    static void newAccount(String address) {
        current.admin("/api/v1/accounts", "{\"address\":\"" + address + "\",\"password\":\"" + PASSWORD + "\"}");
    }

    /** One statement on the service's database (see {@link MailboxService#sql}). */
    static void sql(String statement) {
        current.sql(statement);
    }

    @Override
    public void stop() {
        if (service != null) {
            service.stop();
        }
    }
}
