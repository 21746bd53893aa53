package io.postflow.mailbox.api.internal;

import io.postflow.mailbox.api.ApiError;
import io.postflow.mailbox.domain.mail.LoginThrottled;
import io.postflow.mailbox.domain.mail.MailRejection;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Internal API refusals as JSON {@code {"error","detail"}}, with the error named by its code. */
public class InternalErrors {

    @ServerExceptionMapper
    public RestResponse<ApiError> rejected(MailRejection rejection) {
        return answer(rejection).build();
    }

    /** RFC 6585 §4: 429 with Retry-After (RFC 9110 §10.2.3) in whole seconds, rounded up. */
    @ServerExceptionMapper
    public RestResponse<ApiError> throttled(LoginThrottled throttled) {
        long millis = throttled.retryAfter().toMillis();
        return answer(throttled).header(HttpHeaders.RETRY_AFTER, Math.max(1, (millis + 999) / 1000)).build();
    }

    private static RestResponse.ResponseBuilder<ApiError> answer(MailRejection rejection) {
        return RestResponse.ResponseBuilder.<ApiError>create(rejection.code().status())
                .entity(new ApiError(rejection.code().error(), rejection.detail()))
                .type(MediaType.APPLICATION_JSON_TYPE);
    }
}
