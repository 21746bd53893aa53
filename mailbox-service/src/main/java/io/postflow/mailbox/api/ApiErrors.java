package io.postflow.mailbox.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.postflow.mailbox.domain.admin.AdminRejection;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure of an admin call into a JSON {@code {"error","detail"}} answer: rejections
 * of the domain, malformed bodies, framework errors (unknown route, wrong method or media type)
 * and, as 500, anything unexpected.
 */
public class ApiErrors {

    private static final Logger LOG = Logger.getLogger(ApiErrors.class);

    /** The {@code error} code of an HTTP status. */
    static String code(int status) {
        return switch (status) {
            case 400 -> "invalid_request";
            case 401 -> "unauthorized";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 415 -> "unsupported_media_type";
            case 422 -> "domain_not_local";
            case 500 -> "internal_error";
            default -> "http_" + status;
        };
    }

    @ServerExceptionMapper
    public RestResponse<ApiError> rejected(AdminRejection rejection) {
        int status = switch (rejection.reason()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case NOT_LOCAL -> 422;
        };
        return answer(status, rejection.detail());
    }

    /** Names the field, never echoes the input: the body may hold a password. */
    @ServerExceptionMapper
    public RestResponse<ApiError> malformedBody(JsonProcessingException failure) {
        String field = failure instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream().map(ApiErrors::pathElement).collect(Collectors.joining("."))
                : null;
        return answer(400, field == null ? "request body is not valid JSON" : "invalid value for field " + field);
    }

    /** Takes precedence over Quarkus's built-in mapper of this type, which answers without a body. */
    @ServerExceptionMapper
    public RestResponse<ApiError> mismatchedInput(MismatchedInputException failure) {
        return malformedBody(failure);
    }

    @ServerExceptionMapper
    public RestResponse<ApiError> notFound(NotFoundException failure) {
        return answer(404, "no such resource");
    }

    @ServerExceptionMapper
    public RestResponse<ApiError> http(WebApplicationException failure) {
        Response response = failure.getResponse();
        int status = response.getStatus();
        if (status >= 500) {
            LOG.error("API request failed", failure);
        }
        String reason = response.getStatusInfo().getReasonPhrase();
        return answer(status, reason == null ? "HTTP " + status : reason.toLowerCase(Locale.ROOT));
    }

    @ServerExceptionMapper
    public RestResponse<ApiError> unexpected(Throwable failure) {
        LOG.error("API request failed", failure);
        return answer(500, "internal error; see the mailbox-service log");
    }

    private static String pathElement(JsonMappingException.Reference reference) {
        return reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]";
    }

    private static RestResponse<ApiError> answer(int status, String detail) {
        return RestResponse.ResponseBuilder.<ApiError>create(status)
                .entity(new ApiError(code(status), detail))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
