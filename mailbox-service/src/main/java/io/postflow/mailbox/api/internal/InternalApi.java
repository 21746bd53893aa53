package io.postflow.mailbox.api.internal;

/**
 * The internal API the gateways call ({@code /internal/v1}, JSON), guarded by the service token
 * {@code postflow.internal.token} (see {@code AdminAuthFilter}). Errors are
 * {@code {"error","detail"}} with {@code error} one of the {@code MailRejection} codes:
 * {@code invalid_request} 400, {@code authentication_failed} 401, {@code nonexistent} 404,
 * {@code already_exists} 409, {@code cannot} 409, {@code over_quota} 422, {@code throttled} 429.
 * The security scheme is declared with the application ({@code AdminApiDefinition}), where
 * SmallRye OpenAPI reads it.
 */
public final class InternalApi {

    /** OpenAPI security scheme of the service token. */
    public static final String SCHEME = "internal-token";
    static final String BASE = "/internal/v1";
    static final String ACCOUNT = "The account's canonical address, URL-encoded (e.g. alice%40example.test)";
    static final String MAILBOX_ID = "The mailbox id, from the list or an earlier answer";

    private InternalApi() {
    }
}
