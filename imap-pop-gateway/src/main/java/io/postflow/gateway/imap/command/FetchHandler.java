package io.postflow.gateway.imap.command;

import io.postflow.gateway.imap.protocol.FetchItem;
import io.postflow.gateway.imap.protocol.HeaderFilter;
import io.postflow.gateway.imap.protocol.ImapCommand;
import io.postflow.gateway.imap.protocol.ImapDates;
import io.postflow.gateway.imap.protocol.ImapWriter;
import io.postflow.gateway.imap.session.CommandHandler;
import io.postflow.gateway.imap.session.ImapConnection;
import io.postflow.gateway.imap.session.SelectedView;
import io.postflow.gateway.imap.session.SessionContext;
import io.postflow.gateway.imap.session.Tagged;
import io.postflow.gateway.mailbox.FetchFrames;
import io.postflow.gateway.mailbox.MailboxClient;
import io.postflow.gateway.mailbox.MessageMeta;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * FETCH and UID FETCH (RFC 3501 §6.4.5, §6.4.8; MODSEQ and CHANGEDSINCE of RFC 7162 §3.1.4), each
 * one call to mailbox-service. Without bodies
 * it is the metadata call (ENVELOPE and BODYSTRUCTURE are precomputed). With bodies, or when the
 * fetch sets \Seen (a non-PEEK body item), it is the fetch call: one stream of every message's
 * metadata and section octets (FetchFrames), written into the connection as it arrives, with
 * the stream paused while the client does not read, so a large message is never held whole. The
 * \Seen is set by that same call, and its metadata carries the new flags for the FLAGS item.
 */
@ApplicationScoped
public class FetchHandler implements CommandHandler<ImapCommand.Fetch> {

    private final MailboxClient mailbox;

    public FetchHandler(MailboxClient mailbox) {
        this.mailbox = mailbox;
    }

    @Override
    public Class<ImapCommand.Fetch> type() {
        return ImapCommand.Fetch.class;
    }

    @Override
    public Future<Tagged> handle(ImapCommand.Fetch command, SessionContext session) {
        SelectedView view = session.view();
        String uids = MessageSets.uids(view, command.set(), command.uid());
        if (uids == null) {
            return Future.succeededFuture(Tagged.ok("FETCH completed"));
        }
        List<FetchItem> items = new ArrayList<>(command.items());
        boolean marksSeen = !view.readOnly() && items.stream().anyMatch(i -> i instanceof FetchItem.Body b && !b.peek());
        if (marksSeen && items.stream().noneMatch(i -> i instanceof FetchItem.Flags)) {
            items.add(new FetchItem.Flags()); // report the implicit \Seen (RFC 3501 §6.4.5)
        }
        if (session.condstore() && marksSeen && items.stream().noneMatch(i -> i instanceof FetchItem.Uid)) {
            items.add(new FetchItem.Uid()); // the implicit \Seen is reported with UID and MODSEQ (RFC 7162 §3.1)
        }
        if (session.condstore() && items.stream().anyMatch(i -> i instanceof FetchItem.Flags)
                && items.stream().noneMatch(i -> i instanceof FetchItem.Modseq)) {
            items.add(new FetchItem.Modseq()); // flags go with their MODSEQ once CONDSTORE is on (RFC 7162 §3.1)
        }
        String account = session.account();
        if (!marksSeen && items.stream().noneMatch(FetchHandler::needsContent)) {
            return mailbox.messages(account, view.mailboxId(), uids, fields(items), command.changedSince())
                    .map(messages -> {
                        writeMetadata(messages, items, view, session);
                        return Tagged.ok("FETCH completed");
                    });
        }
        List<Object[]> sections = new ArrayList<>();
        for (FetchItem item : items) {
            if (needsContent(item)) {
                var section = ((FetchItem.Body) item).section();
                // A nested HEADER.FIELDS is filtered here from the whole (small) part header.
                sections.add(section.headerFields() ? new Object[] {section.apiSection(), -1L, 0L}
                        : new Object[] {section.apiSection(), section.offset(), section.length()});
            }
        }
        StreamWriter writer = new StreamWriter(items, view, session);
        return mailbox.fetch(account, view.mailboxId(), uids, fields(items), sections, marksSeen, command.changedSince())
                .compose(response -> FetchFrames.read(response, writer)
                        // A stream broken inside a literal cannot be recovered: the connection must go.
                        .onFailure(e -> session.connection().close()))
                .compose(v -> session.connection().drained())
                .map(v -> Tagged.ok("FETCH completed"));
    }

    private static String fields(List<FetchItem> items) {
        List<String> fields = new ArrayList<>();
        for (FetchItem item : items) {
            if (item instanceof FetchItem.Envelope) {
                fields.add("envelope");
            } else if (item instanceof FetchItem.Structure s) {
                fields.add(s.extensible() ? "bodyStructure" : "body");
            } else if (item instanceof FetchItem.Body b && b.section().headerFields() && b.section().part().isEmpty()) {
                fields.add("header");
            }
        }
        return String.join(",", fields.stream().distinct().toList());
    }

    /** No I/O per message: one buffer for the whole answer. */
    private static void writeMetadata(List<MessageMeta> messages, List<FetchItem> items, SelectedView view,
                                      SessionContext session) {
        ImapWriter out = new ImapWriter();
        for (MessageMeta m : messages) {
            int sequence = view.sequenceOf(m.uid());
            if (sequence > 0) {
                out.raw("* ").number(sequence).raw(" FETCH (");
                for (int i = 0; i < items.size(); i++) {
                    writeItem(out.raw(i == 0 ? "" : " "), items.get(i), m, view);
                }
                out.raw(")").crlf();
            }
        }
        session.write(out);
    }

    /** A body section the fetch call must stream; a top-level HEADER.FIELDS comes with the metadata. */
    private static boolean needsContent(FetchItem item) {
        return item instanceof FetchItem.Body b && !(b.section().headerFields() && b.section().part().isEmpty());
    }

    private static void writeItem(ImapWriter out, FetchItem item, MessageMeta m, SelectedView view) {
        if (item instanceof FetchItem.Uid) {
            out.raw("UID ").number(m.uid());
        } else if (item instanceof FetchItem.Flags) {
            out.raw("FLAGS ").list(view.flags(m.uid(), m.flags()));
            view.flagsReported(m.uid(), m.modseq());
        } else if (item instanceof FetchItem.Modseq) {
            out.raw("MODSEQ (").number(m.modseq()).raw(")"); // RFC 7162 §3.1.4.2
        } else if (item instanceof FetchItem.InternalDate) {
            out.raw("INTERNALDATE \"").raw(ImapDates.format(m.internalDate())).raw("\"");
        } else if (item instanceof FetchItem.Rfc822Size) {
            out.raw("RFC822.SIZE ").number(m.size());
        } else if (item instanceof FetchItem.Envelope) {
            out.raw("ENVELOPE ").raw(m.envelope());
        } else if (item instanceof FetchItem.Structure s) {
            out.raw(s.extensible() ? "BODYSTRUCTURE " : "BODY ").raw(s.extensible() ? m.bodyStructure() : m.body());
        } else if (item instanceof FetchItem.Body b) {
            // Top-level HEADER.FIELDS: filtered from the header bytes of the metadata.
            byte[] filtered = HeaderFilter.filter(m.header(), b.section().fields(), b.section().specifier().endsWith(".NOT"));
            out.raw(b.responseName()).sp().literal(HeaderFilter.slice(filtered, b.section().offset(), b.section().length()));
        }
    }

    /**
     * Turns the fetch stream into FETCH responses: the items of a message in the client's order,
     * each streamed section as a literal whose size the frame announced, its octets passed on as
     * they come. Messages the session does not know (none, normally) are read and dropped.
     */
    private static final class StreamWriter implements FetchFrames.Listener {

        private final List<FetchItem> items;
        private final SelectedView view;
        private final SessionContext session;
        private ImapConnection connection;
        private MessageMeta message;
        private long[] lengths;
        private boolean skip;
        private int item;
        private int section;
        private ImapWriter out;
        private Buffer header;

        StreamWriter(List<FetchItem> items, SelectedView view, SessionContext session) {
            this.items = items;
            this.view = view;
            this.session = session;
            this.connection = session.connection();
        }

        @Override
        public void message(MessageMeta meta, long[] sectionLengths) {
            message = meta;
            lengths = sectionLengths;
            int sequence = view.sequenceOf(meta.uid());
            skip = sequence == 0;
            item = 0;
            section = 0;
            if (!skip) {
                out = new ImapWriter().raw("* ").number(sequence).raw(" FETCH (");
                advance();
            }
        }

        @Override
        public void octets(int index, Buffer chunk) {
            if (skip) {
                return;
            }
            if (header != null) {
                header.appendBuffer(chunk);
            } else {
                connection.write(chunk.getBytes());
            }
        }

        @Override
        public void sectionEnd(int index) {
            if (skip) {
                return;
            }
            if (header != null) {
                var body = ((FetchItem.Body) items.get(item)).section();
                byte[] filtered = HeaderFilter.filter(header.getBytes(), body.fields(), body.specifier().endsWith(".NOT"));
                out.literal(HeaderFilter.slice(filtered, body.offset(), body.length()));
                header = null;
            }
            item++;
            section++;
            advance();
        }

        @Override
        public void messageEnd() {
            // advance() wrote the closing parenthesis after the last item.
        }

        @Override
        public Future<Void> backpressure() {
            return connection.drained();
        }

        /** Writes items up to the next streamed section (its literal size included), or to the end. */
        private void advance() {
            for (; item < items.size(); item++) {
                FetchItem next = items.get(item);
                out.raw(item == 0 ? "" : " ");
                if (needsContent(next)) {
                    FetchItem.Body body = (FetchItem.Body) next;
                    out.raw(body.responseName()).sp();
                    if (body.section().headerFields()) {
                        header = Buffer.buffer();
                    } else {
                        session.write(out.raw("{" + lengths[section] + "}\r\n"));
                        out = new ImapWriter();
                    }
                    return;
                }
                writeItem(out, next, message, view);
            }
            session.write(out.raw(")").crlf());
            out = null;
        }
    }
}
