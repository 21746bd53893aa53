package io.postflow.mailbox.domain.mail;

import io.postflow.mailbox.persistence.MailboxAccess;
import io.postflow.mailbox.persistence.MetadataQuery;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * FETCH with bodies for a whole UID set in one call: the messages' metadata and the octets of
 * every requested section of every message, as one stream. Metadata is read a page at a time and
 * each section's octets in slices as the caller consumes them (ContentQuery), so neither a large
 * set nor a large message is ever held whole. A non-PEEK fetch (RFC 3501 §6.4.5) sets \Seen on the
 * set first, in its own committed transaction, so the metadata streamed afterwards already shows
 * the new flags and MODSEQs.
 */
@ApplicationScoped
public class MessageFetcher {

    /** Messages per metadata page: each page's rows (with prefixes and part tables) stay small. */
    static final int PAGE = 500;

    private final MetadataQuery metadata;
    private final MessageContent content;
    private final FlagUpdater flags;

    public MessageFetcher(MetadataQuery metadata, MessageContent content, FlagUpdater flags) {
        this.metadata = metadata;
        this.content = content;
        this.flags = flags;
    }

    /** One requested section: BODY[section]&lt;offset.length&gt;, offset and length null for all of it. */
    public record SectionRequest(Section section, Long offset, Long length) {
    }

    /**
     * What a fetch asks for.
     *
     * @param changedSince only messages whose MODSEQ is greater (RFC 7162 §3.1.4), tested after
     *                     \Seen is set, so a message this fetch marks is reported; null: all
     */
    public record FetchRequest(UidSet uids, java.util.Set<MetadataField> fields, List<SectionRequest> sections,
                               boolean markSeen, Long changedSince) {

        public FetchRequest {
            fields = java.util.Set.copyOf(fields);
            sections = List.copyOf(sections);
        }
    }

    /** A message of the stream: its metadata and its sections' octets, in request order. */
    public record Fetched(MessageMetadata metadata, List<ContentSlice> sections) {
    }

    /**
     * The stream of the set's messages in UID order. The Uni completes once \Seen is set and the
     * first page is read, so a missing mailbox or a bad request fails before any octet is sent.
     */
    public Uni<Multi<Fetched>> fetch(String address, long mailboxId, FetchRequest request) {
        String accountKey = MailboxAccess.accountKey(address);
        for (SectionRequest s : request.sections()) {
            if (s.offset() != null && s.offset() < 0 || s.length() != null && s.length() < 0) {
                // Refused before \Seen is set or any octet is sent.
                throw new MailRejection(MailRejection.Code.INVALID, "offset and length must not be negative");
            }
        }
        if (request.changedSince() != null && request.changedSince() < 0) {
            throw new MailRejection(MailRejection.Code.INVALID, "changedSince must not be negative");
        }
        MetadataQuery.Content geometry = request.sections().stream().anyMatch(s -> s.section().isPart())
                ? MetadataQuery.Content.PARTS : request.sections().isEmpty() ? MetadataQuery.Content.NONE
                : MetadataQuery.Content.GEOMETRY;
        Uni<?> seen = request.markSeen()
                ? flags.store(accountKey, mailboxId, new FlagChange(request.uids(), FlagMode.ADD, SystemFlags.SEEN, List.of(), null))
                : Uni.createFrom().voidItem();
        return seen.chain(() -> page(accountKey, mailboxId, request, geometry, 0))
                .map(first -> stream(accountKey, mailboxId, request, geometry, first));
    }

    private Uni<MetadataPage> page(String accountKey, long mailboxId, FetchRequest request, MetadataQuery.Content geometry,
                                   long afterUid) {
        MetadataRequest page = new MetadataRequest(request.uids(), request.fields(), request.changedSince(), PAGE, afterUid);
        return metadata.page(accountKey, mailboxId, page, geometry);
    }

    /** The page's messages, then (read only once they are consumed) the next page's. */
    private Multi<Fetched> stream(String accountKey, long mailboxId, FetchRequest request, MetadataQuery.Content geometry,
                                  MetadataPage page) {
        Multi<Fetched> here = Multi.createFrom().iterable(page.messages()).map(m -> fetched(m, request.sections()));
        if (page.next() == null) {
            return here;
        }
        long next = page.next();
        Multi<Fetched> rest = Multi.createFrom().deferred(() -> Multi.createFrom()
                .uni(page(accountKey, mailboxId, request, geometry, next))
                .onItem().transformToMultiAndConcatenate(p -> stream(accountKey, mailboxId, request, geometry, p)));
        return Multi.createBy().concatenating().streams(here, rest);
    }

    private Fetched fetched(MessageMetadata m, List<SectionRequest> sections) {
        List<ContentSlice> slices = new ArrayList<>(sections.size());
        for (SectionRequest s : sections) {
            StoredContent stored = m.content();
            slices.add(content.slice(stored, MessageContent.range(stored, s.section()).partial(s.offset(), s.length())));
        }
        return new Fetched(m, slices);
    }
}
