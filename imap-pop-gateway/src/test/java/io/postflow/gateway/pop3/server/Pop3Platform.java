package io.postflow.gateway.pop3.server;

import io.postflow.gateway.testing.MailboxService;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real mailbox-service for the POP3 tests (see {@link MailboxService}), with a self-signed
 * certificate for STLS/POP3S. Each test makes its own account ({@link #newAccount}) and fills its
 * INBOX through the internal API ({@link #append}), so tests never share a maildrop. Short POP3
 * limits make the idle timeout and the connection limits testable.
 */
public class Pop3Platform implements QuarkusTestResourceLifecycleManager {

    public static final String PASSWORD = "pop3 test password";
    public static final int MAX_PER_ADDRESS = 12;
    public static final long IDLE_SECONDS = 6;
    static final String INTERNAL_TOKEN = "pop3-test-internal-token-0123456789";
    static final String ADMIN_TOKEN = "pop3-test-admin-token-0123456789";
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();
    /** The service the static helpers call: the one the running application uses. */
    private static volatile MailboxService service;

    private MailboxService own;

    @Override
    public Map<String, String> start() {
        try {
            own = new MailboxService("mailbox-service-pop3.log", ADMIN_TOKEN, INTERNAL_TOKEN);
            own.start();
            service = own;
            Map<String, String> settings = new HashMap<>(own.gatewaySettings("pop3"));
            settings.put("postflow.pop3.limits.idle-timeout", "PT" + IDLE_SECONDS + "S");
            settings.put("postflow.pop3.limits.max-connections-per-address", Integer.toString(MAX_PER_ADDRESS));
            settings.put("postflow.pop3.limits.auth-failure-delay", "PT0.1S");
            settings.put("postflow.pop3.lease.ttl", "PT3S");
            return settings;
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("cannot start mailbox-service for the POP3 tests", e);
        }
    }

    /** A new account with {@link #PASSWORD}; answers its address. */
    public static String newAccount(String purpose) {
        String address = purpose + "-" + ACCOUNTS.incrementAndGet() + "@" + MailboxService.DOMAIN;
        service.admin("/api/v1/accounts", "{\"address\":\"" + address + "\",\"password\":\"" + PASSWORD + "\"}");
        return address;
    }

    /** APPENDs a message to the account's INBOX; answers its UID. */
    public static long append(String address, byte[] message) {
        String answer = service.internal("POST", mailboxes(address) + "/" + inbox(address) + "/messages", "message/rfc822",
                message, 201);
        return number(answer, "uid");
    }

    /** The INBOX's id and UIDVALIDITY, as the internal API (and so IMAP) gives them. */
    public static long inbox(String address) {
        return number(inboxInfo(address), "id");
    }

    public static long uidValidity(String address) {
        return number(inboxInfo(address), "uidValidity");
    }

    /** Messages now in the account's INBOX. */
    public static long inboxCount(String address) {
        return number(inboxInfo(address), "messages");
    }

    private static String inboxInfo(String address) {
        return service.internal("GET", mailboxes(address) + "/by-name?name=INBOX", null, null, 200);
    }

    private static String mailboxes(String address) {
        return "/internal/v1/accounts/" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/mailboxes";
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    @Override
    public void stop() {
        if (own != null) {
            own.stop();
        }
    }
}
