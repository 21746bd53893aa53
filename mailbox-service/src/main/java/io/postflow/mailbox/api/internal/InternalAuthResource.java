package io.postflow.mailbox.api.internal;

import io.postflow.mailbox.domain.mail.LoginVerification;
import io.postflow.mailbox.domain.mail.MailRejection;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Password checks for IMAP LOGIN/AUTHENTICATE, POP3 USER/PASS and SMTP AUTH. */
@Path(InternalApi.BASE + "/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = InternalApi.SCHEME)
@Tag(name = "internal: authentication", description = "Password verification for the gateways")
public class InternalAuthResource {

    private final LoginVerification logins;

    InternalAuthResource(LoginVerification logins) {
        this.logins = logins;
    }

    /**
     * {@code POST /internal/v1/auth/verify} {@code {"address","password","clientAddress"}} →
     * {@code {"account","accountId"}}. An unknown account answers exactly like a wrong password,
     * after the same work. Throttled per (account, client address) pair, in memory per instance.
     */
    @POST
    @Path("verify")
    @Operation(summary = "Verify an account's password",
            description = "After 5 failures of one (account, client address) pair within 15 minutes the pair is refused "
                    + "for 1 minute, doubling up to 15 minutes (postflow.auth.throttle.*); a success resets the pair. "
                    + "The count is kept per mailbox-service instance.")
    @APIResponse(responseCode = "200", description = "The password matches; the canonical account name and id")
    @APIResponse(responseCode = "400", description = "A field is missing, the address is no address or the client "
            + "address is no IP address")
    @APIResponse(responseCode = "401", description = "authentication_failed: wrong password or no such account")
    @APIResponse(responseCode = "429", description = "throttled: too many failures from this client for this account",
            headers = @Header(name = "Retry-After", description = "Seconds until the pair may try again"))
    public Uni<LoginAnswer> verify(LoginRequest request) {
        if (request == null) {
            throw new MailRejection(MailRejection.Code.INVALID, "request body is required");
        }
        return logins.verify(request.address(), request.password(), request.clientAddress()).map(LoginAnswer::of);
    }
}
