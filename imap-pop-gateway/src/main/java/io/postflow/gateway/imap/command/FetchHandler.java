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
import io.postflow.gateway.mailbox.MailboxClient;
import io.postflow.gateway.mailbox.MessageMeta;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * FETCH and UID FETCH (RFC 3501 §6.4.5, §6.4.8). Metadata for the whole set comes from one call
 * (ENVELOPE and BODYSTRUCTURE are precomputed by mailbox-service); body sections are streamed from
 * the content endpoint straight into the connection, its Content-Length being the literal's size,
 * so a large message is never held whole. A non-PEEK body fetch sets \Seen for the set first.
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
        String account = session.account();
        Future<?> seen = marksSeen ? mailbox.store(account, view.mailboxId(), uids, "add", List.of("\\Seen"))
                : Future.succeededFuture();
        return seen.compose(v -> mailbox.messages(account, view.mailboxId(), uids, fields(items)))
                .compose(messages -> write(messages, items, view, session))
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

    private Future<Void> write(List<MessageMeta> messages, List<FetchItem> items, SelectedView view, SessionContext session) {
        boolean streams = items.stream().anyMatch(FetchHandler::needsContent);
        if (!streams) {
            // No I/O per message: one buffer for the whole answer.
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
            return Future.succeededFuture();
        }
        Future<Void> chain = Future.succeededFuture();
        for (MessageMeta m : messages) {
            int sequence = view.sequenceOf(m.uid());
            if (sequence > 0) {
                chain = chain.compose(v -> writeStreaming(sequence, m, items, view, session));
            }
        }
        return chain;
    }

    private Future<Void> writeStreaming(int sequence, MessageMeta m, List<FetchItem> items, SelectedView view,
                                        SessionContext session) {
        ImapWriter head = new ImapWriter().raw("* ").number(sequence).raw(" FETCH (");
        return writeItems(head, 0, m, items, view, session);
    }

    /** Writes items from {@code index} on; buffered text is flushed before each streamed literal. */
    private Future<Void> writeItems(ImapWriter out, int index, MessageMeta m, List<FetchItem> items, SelectedView view,
                                    SessionContext session) {
        for (int i = index; i < items.size(); i++) {
            FetchItem item = items.get(i);
            out.raw(i == 0 ? "" : " ");
            if (needsContent(item)) {
                FetchItem.Body body = (FetchItem.Body) item;
                out.raw(body.responseName()).sp();
                int next = i + 1;
                return content(out, m, body, view, session).compose(v -> writeItems(new ImapWriter(), next, m, items, view, session));
            }
            writeItem(out, item, m, view);
        }
        session.write(out.raw(")").crlf());
        return session.connection().drained();
    }

    private Future<Void> content(ImapWriter out, MessageMeta m, FetchItem.Body body, SelectedView view, SessionContext session) {
        var section = body.section();
        ImapConnection connection = session.connection();
        if (section.headerFields()) {
            // A nested part's header: small, so read whole and filtered here.
            return mailbox.content(session.account(), view.mailboxId(), m.uid(), section.apiSection(), -1, 0)
                    .compose(HttpClientResponse::body)
                    .map(header -> {
                        byte[] filtered = HeaderFilter.filter(header.getBytes(), section.fields(),
                                section.specifier().endsWith(".NOT"));
                        session.write(out.literal(HeaderFilter.slice(filtered, section.offset(), section.length())));
                        return null;
                    });
        }
        return mailbox.content(session.account(), view.mailboxId(), m.uid(), section.apiSection(), section.offset(),
                        section.length())
                .compose(response -> {
                    String length = response.getHeader("Content-Length");
                    if (length == null) {
                        response.request().reset();
                        return Future.failedFuture(new IllegalStateException("content without Content-Length"));
                    }
                    session.write(out.raw("{" + Long.parseLong(length) + "}\r\n"));
                    // A broken stream cannot be recovered inside a literal: the connection must go.
                    return connection.stream(response).onFailure(e -> connection.close());
                });
    }

    private static boolean needsContent(FetchItem item) {
        return item instanceof FetchItem.Body b && !(b.section().headerFields() && b.section().part().isEmpty());
    }

    private static void writeItem(ImapWriter out, FetchItem item, MessageMeta m, SelectedView view) {
        if (item instanceof FetchItem.Uid) {
            out.raw("UID ").number(m.uid());
        } else if (item instanceof FetchItem.Flags) {
            out.raw("FLAGS ").list(view.flags(m.uid(), m.flags()));
            view.flagsReported(m.uid(), m.modseq());
        } else if (item instanceof FetchItem.InternalDate) {
            out.raw("INTERNALDATE \"").raw(ImapDates.format(m.internalDate())).raw("\"");
        } else if (item instanceof FetchItem.Rfc822Size) {
            out.raw("RFC822.SIZE ").number(m.size());
        } else if (item instanceof FetchItem.Envelope) {
            out.raw("ENVELOPE ").raw(m.envelope());
        } else if (item instanceof FetchItem.Structure s) {
            out.raw(s.extensible() ? "BODYSTRUCTURE " : "BODY ").raw(s.extensible() ? m.bodyStructure() : m.body());
        } else if (item instanceof FetchItem.Body b) {
            // Top-level HEADER.FIELDS: filtered from the header bytes of the metadata call.
            byte[] filtered = HeaderFilter.filter(m.header(), b.section().fields(), b.section().specifier().endsWith(".NOT"));
            out.raw(b.responseName()).sp().literal(HeaderFilter.slice(filtered, b.section().offset(), b.section().length()));
        }
    }
}
