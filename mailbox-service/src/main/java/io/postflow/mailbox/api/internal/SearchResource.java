package io.postflow.mailbox.api.internal;

import io.postflow.mailbox.domain.mail.SearchCriteria;
import io.postflow.mailbox.persistence.SearchQuery;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** SEARCH and UID SEARCH, evaluated in the database in one statement. */
@Path(MessagePaths.MAILBOX + "/search")
@Tag(name = "messages")
@SecurityRequirement(name = MessagePaths.SECURITY)
public class SearchResource {

    private final SearchQuery query;

    SearchResource(SearchQuery query) {
        this.query = query;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictBody.class)
    @Operation(summary = "UIDs of the messages matching a criteria tree",
            description = "Criteria: {\"all\":true}, {\"and\":[...]}, {\"or\":[a,b,...]}, {\"not\":c}, {\"uids\":SET}, "
                    + "{\"flag\":\"\\\\Seen\"}, {\"noFlag\":...}, {\"keyword\":k}, {\"noKeyword\":k}, {\"before\"|\"on\"|\"since\":"
                    + "\"YYYY-MM-DD\"} (internal date), {\"sentBefore\"|\"sentOn\"|\"sentSince\":...} (Date: header), "
                    + "{\"larger\":n}, {\"smaller\":n}, {\"header\":{\"name\",\"value\"}} (empty value: has the field), "
                    + "{\"body\":s}, {\"text\":s}, {\"modseq\":n}. Strings match case-insensitive substrings; days are UTC days.")
    @APIResponse(responseCode = "200", description = "{\"uids\":[ascending],\"highestModseq\"[,\"maxModseq\"]}")
    @APIResponse(responseCode = "400", description = "Invalid criteria or an unknown field")
    @APIResponse(responseCode = "404", description = "No such mailbox (nonexistent)")
    public Uni<SearchView> search(@Parameter(description = MessagePaths.ADDRESS) @RestPath String address,
                                  @Parameter(description = MessagePaths.MAILBOX_ID) @RestPath long id,
                                  SearchRequest request) {
        var criteria = SearchCriteria.parse(MessagePaths.required(request, "request body").criteria());
        return query.search(MessagePaths.account(address), id, criteria).map(SearchView::of);
    }
}
