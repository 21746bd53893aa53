package io.postflow.mailbox.api;

import io.postflow.mailbox.config.MailboxConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every {@code /api/...} request needs {@code Authorization: Bearer <postflow.admin.token>}
 * (RFC 6750 §2.1); without a configured token every such request is refused. Runs before route
 * matching, so an unauthenticated caller cannot even learn which routes exist. Health, metrics and
 * OpenAPI under {@code /q} stay open.
 */
public class AdminAuthFilter {

    private static final String BEARER = "bearer "; // RFC 7235 §2.1: the scheme is case-insensitive
    private static final String CHALLENGE = "Bearer realm=\"postflow-admin\"";

    /** SHA-256 of the token: equal lengths, so the comparison takes the same time for any guess. */
    private final Optional<byte[]> expected;

    AdminAuthFilter(MailboxConfig config) {
        this.expected = config.admin().token().filter(token -> !token.isBlank()).map(AdminAuthFilter::digest);
    }

    @ServerRequestFilter(preMatching = true)
    public Response authenticate(ContainerRequestContext request) {
        if (!isAdminPath(request.getUriInfo().getPath())) {
            return null;
        }
        if (expected.isEmpty()) {
            return refuse("the admin API is disabled: postflow.admin.token is not set", CHALLENGE);
        }
        List<String> headers = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (headers == null || headers.isEmpty()) {
            return refuse("missing Authorization: Bearer token", CHALLENGE);
        }
        String header = headers.get(0);
        if (headers.size() > 1 || header.length() <= BEARER.length()
                || !header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return refuse("missing Authorization: Bearer token", CHALLENGE);
        }
        byte[] presented = digest(header.substring(BEARER.length()).strip());
        if (!MessageDigest.isEqual(presented, expected.get())) {
            return refuse("invalid bearer token", CHALLENGE + ", error=\"invalid_token\""); // RFC 6750 §3.1
        }
        return null;
    }

    static boolean isAdminPath(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return relative.equals("api") || relative.startsWith("api/");
    }

    private static Response refuse(String detail, String challenge) {
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(ApiErrors.code(401), detail))
                .build();
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
