package io.postflow.mailbox.api;

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

/**
 * Checks {@code Authorization: Bearer <token>} (RFC 6750 §2.1) against one configured token, in
 * constant time; without a configured token every request is refused (fail closed).
 */
final class BearerToken {

    private static final String BEARER = "bearer "; // RFC 7235 §2.1: the scheme is case-insensitive

    /** SHA-256 of the token: equal lengths, so the comparison takes the same time for any guess. */
    private final Optional<byte[]> expected;
    private final String challenge;
    private final String disabledDetail;

    BearerToken(Optional<String> token, String realm, String disabledDetail) {
        this.expected = token.filter(t -> !t.isBlank()).map(BearerToken::digest);
        this.challenge = "Bearer realm=\"" + realm + "\"";
        this.disabledDetail = disabledDetail;
    }

    boolean configured() {
        return expected.isPresent();
    }

    /** Null when the request carries the token, else the 401 answer. */
    Response check(ContainerRequestContext request) {
        if (expected.isEmpty()) {
            return refuse(disabledDetail, challenge);
        }
        List<String> headers = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (headers == null || headers.isEmpty()) {
            return refuse("missing Authorization: Bearer token", challenge);
        }
        String header = headers.get(0);
        if (headers.size() > 1 || header.length() <= BEARER.length()
                || !header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return refuse("missing Authorization: Bearer token", challenge);
        }
        byte[] presented = digest(header.substring(BEARER.length()).strip());
        if (!MessageDigest.isEqual(presented, expected.get())) {
            return refuse("invalid bearer token", challenge + ", error=\"invalid_token\""); // RFC 6750 §3.1
        }
        return null;
    }

    static boolean under(String path, String prefix) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return relative.equals(prefix) || relative.startsWith(prefix + "/");
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
