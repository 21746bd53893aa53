package io.postflow.mailbox.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** SEARCH: {@code {"criteria": tree}}, see {@code domain.mail.SearchCriteria} for the tree. */
@Schema(name = "SearchRequest")
public record SearchRequest(
        @Schema(description = "A criterion: an object with one member, e.g. {\"and\":[{\"flag\":\"\\\\Seen\"},"
                + "{\"header\":{\"name\":\"Subject\",\"value\":\"report\"}}]}", required = true) JsonNode criteria) {
}
