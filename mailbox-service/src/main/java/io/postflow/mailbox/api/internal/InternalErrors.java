package io.postflow.mailbox.api.internal;

import io.postflow.mailbox.api.ApiError;
import io.postflow.mailbox.domain.mail.MailRejection;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Internal API refusals as JSON {@code {"error","detail"}}, with the error named by its code. */
public class InternalErrors {

    @ServerExceptionMapper
    public RestResponse<ApiError> rejected(MailRejection rejection) {
        return RestResponse.ResponseBuilder.<ApiError>create(rejection.code().status())
                .entity(new ApiError(rejection.code().error(), rejection.detail()))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
