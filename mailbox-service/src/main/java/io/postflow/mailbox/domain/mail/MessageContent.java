package io.postflow.mailbox.domain.mail;

import io.postflow.mailbox.persistence.ContentQuery;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;

/**
 * FETCH BODY[section]&lt;partial&gt; of one entry: finds the section's octets in the served bytes
 * (trace prefix, then the stored message) and streams exactly those. The prefix belongs to the
 * message header: it counts in RFC822.SIZE, BODY[] and BODY[HEADER] and moves every other offset.
 */
@ApplicationScoped
public class MessageContent {

    private final ContentQuery query;

    public MessageContent(ContentQuery query) {
        this.query = query;
    }

    /**
     * @param offset start of a partial fetch within the section, or null
     * @param length most octets of a partial fetch, or null for "to the end"
     */
    public Uni<ContentSlice> open(String accountKey, long mailboxId, long uid, Section section, Long offset, Long length) {
        return query.locate(accountKey, mailboxId, uid, section.isPart())
                .map(stored -> slice(stored, range(stored, section).partial(offset, length)));
    }

    static ByteRange range(StoredContent stored, Section section) {
        long prefix = stored.prefix().length;
        return switch (section.kind()) {
            case WHOLE -> new ByteRange(0, prefix + stored.size());
            case HEADER -> new ByteRange(0, prefix + stored.headerSize());
            case TEXT -> new ByteRange(prefix + stored.headerSize(), prefix + stored.size());
            default -> ServedPartTable.of(stored.parts(), (int) prefix).range(section);
        };
    }

    /** The prefix's share of the range comes from memory, the rest from the body in chunks. */
    ContentSlice slice(StoredContent stored, ByteRange range) {
        byte[] prefix = stored.prefix();
        Multi<Buffer> head = Multi.createFrom().empty();
        if (range.length() > 0 && range.start() < prefix.length) {
            int end = (int) Math.min(range.end(), prefix.length);
            head = Multi.createFrom().item(Buffer.buffer(Arrays.copyOfRange(prefix, (int) range.start(), end)));
        }
        long bodyFrom = Math.max(range.start(), prefix.length) - prefix.length;
        long bodyTo = Math.max(range.end(), prefix.length) - prefix.length;
        Multi<Buffer> body = bodyTo > bodyFrom ? query.read(stored.bodyId(), bodyFrom, bodyTo - bodyFrom) : Multi.createFrom().empty();
        return new ContentSlice(range.length(), Multi.createBy().concatenating().streams(head, body));
    }
}
