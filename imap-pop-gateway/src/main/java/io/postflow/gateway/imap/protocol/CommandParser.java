package io.postflow.gateway.imap.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns one complete command (lines and literals, see {@link ImapReader}) into a
 * {@link TaggedCommand}, or an {@link ImapParseException} carrying the tag for {@code BAD}.
 * Commands are recognised by name only here; whether one is allowed in the session's state is
 * decided by the session.
 */
public final class CommandParser {

    private CommandParser() {
    }

    public static TaggedCommand parse(byte[] line) {
        ImapReader r = new ImapReader(line);
        String tag;
        try {
            tag = r.tag();
        } catch (IllegalArgumentException e) {
            throw new ImapParseException("*", "missing or invalid tag");
        }
        try {
            r.sp();
            String name = r.upperAtom();
            ImapCommand command = name.equals("UID") ? uid(r) : command(name, r);
            r.end();
            return new TaggedCommand(tag, command);
        } catch (BadCharsetException e) {
            throw new ImapParseException(tag, e.getMessage(), true);
        } catch (IllegalArgumentException e) {
            throw new ImapParseException(tag, e.getMessage());
        }
    }

    private static ImapCommand command(String name, ImapReader r) {
        return switch (name) {
            case "CAPABILITY" -> new ImapCommand.Capability();
            case "NOOP" -> new ImapCommand.Noop();
            case "LOGOUT" -> new ImapCommand.Logout();
            case "STARTTLS" -> new ImapCommand.StartTls();
            case "AUTHENTICATE" -> authenticate(r);
            case "LOGIN" -> {
                r.sp();
                String user = r.astring();
                r.sp();
                yield new ImapCommand.Login(user, r.astring());
            }
            case "SELECT" -> {
                String mailbox = mailbox(r);
                yield new ImapCommand.Select(mailbox, selectParameters(r));
            }
            case "EXAMINE" -> {
                String mailbox = mailbox(r);
                yield new ImapCommand.Examine(mailbox, selectParameters(r));
            }
            case "CREATE" -> ListParser.create(mailbox(r), r);
            case "DELETE" -> new ImapCommand.Delete(mailbox(r));
            case "RENAME" -> {
                String from = mailbox(r);
                yield new ImapCommand.Rename(from, mailbox(r));
            }
            case "SUBSCRIBE" -> new ImapCommand.Subscribe(mailbox(r));
            case "UNSUBSCRIBE" -> new ImapCommand.Unsubscribe(mailbox(r));
            case "LIST" -> ListParser.list(r);
            case "LSUB" -> {
                String reference = mailbox(r);
                r.sp();
                yield new ImapCommand.ListMailboxes(reference, r.listMailbox(), true);
            }
            case "STATUS" -> status(r);
            case "APPEND" -> append(r);
            case "CHECK" -> new ImapCommand.Check();
            case "CLOSE" -> new ImapCommand.Close();
            case "EXPUNGE" -> new ImapCommand.Expunge(null);
            case "SEARCH" -> search(false, r);
            case "FETCH" -> fetch(false, r);
            case "STORE" -> store(false, r);
            case "COPY" -> copy(false, r);
            case "MOVE" -> move(false, r);
            case "IDLE" -> new ImapCommand.Idle();
            case "UNSELECT" -> new ImapCommand.Unselect();
            case "NAMESPACE" -> new ImapCommand.Namespace();
            case "ID" -> ExtensionParser.id(r);
            case "ENABLE" -> ExtensionParser.enable(r);
            case "GETQUOTA" -> QuotaParser.getQuota(r);
            case "GETQUOTAROOT" -> QuotaParser.getQuotaRoot(r);
            case "SETQUOTA" -> QuotaParser.setQuota(r);
            default -> throw new IllegalArgumentException("unknown command " + name);
        };
    }

    private static ImapCommand uid(ImapReader r) {
        r.sp();
        String name = r.upperAtom();
        return switch (name) {
            case "SEARCH" -> search(true, r);
            case "FETCH" -> fetch(true, r);
            case "STORE" -> store(true, r);
            case "COPY" -> copy(true, r);
            case "MOVE" -> move(true, r);
            case "EXPUNGE" -> {
                r.sp();
                yield new ImapCommand.Expunge(r.sequenceSet());
            }
            default -> throw new IllegalArgumentException("UID " + name + " is not a command");
        };
    }

    private static String mailbox(ImapReader r) {
        r.sp();
        return r.mailbox();
    }

    /** {@code [SP "(" select-param *(SP select-param) ")"]}: CONDSTORE is the one we know (RFC 7162 §3.1.8). */
    private static boolean selectParameters(ImapReader r) {
        if (!r.skip(' ')) {
            return false;
        }
        r.expect('(');
        do {
            String parameter = r.upperAtom();
            if (!parameter.equals("CONDSTORE")) {
                throw new IllegalArgumentException("unknown SELECT parameter " + parameter);
            }
        } while (r.skip(' '));
        r.expect(')');
        return true;
    }

    /** A CONDSTORE modifier's value: {@code mod-sequence-value} is at least 1, {@code -valzer} may be 0 (RFC 7162 §7). */
    private static long modseq(ImapReader r, String name, boolean zeroAllowed) {
        r.sp();
        long value = r.modseq();
        if (value == 0 && !zeroAllowed) {
            throw new IllegalArgumentException(name + " must be a positive mod-sequence");
        }
        return value;
    }

    private static ImapCommand authenticate(ImapReader r) {
        r.sp();
        String mechanism = r.upperAtom();
        String initial = null;
        if (r.skip(' ')) {
            initial = r.rest();
            if (initial.isEmpty() || !initial.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '+' || c == '/'
                    || c == '=')) {
                throw new IllegalArgumentException("invalid initial response");
            }
        }
        return new ImapCommand.Authenticate(mechanism, initial);
    }

    private static ImapCommand status(ImapReader r) {
        String mailbox = mailbox(r);
        r.sp();
        r.expect('(');
        List<String> items = new ArrayList<>();
        do {
            String item = r.upperAtom();
            if (!List.of("MESSAGES", "RECENT", "UIDNEXT", "UIDVALIDITY", "UNSEEN", "HIGHESTMODSEQ", "DELETED-STORAGE").contains(item)) {
                throw new IllegalArgumentException("unknown STATUS item " + item);
            }
            items.add(item);
        } while (r.skip(' '));
        r.expect(')');
        return new ImapCommand.Status(mailbox, items);
    }

    private static ImapCommand append(ImapReader r) {
        String mailbox = mailbox(r);
        r.sp();
        List<String> flags = List.of();
        if (r.peek() == '(') {
            flags = r.flagList();
            r.sp();
        }
        java.time.OffsetDateTime date = null;
        if (r.peek() == '"') {
            date = ImapDates.parseDateTime(new String(r.string(), StandardCharsets.US_ASCII));
            r.sp();
        }
        if (r.peek() != '{' && r.peek() != '~') {
            throw new IllegalArgumentException("APPEND needs the message as a literal");
        }
        return new ImapCommand.Append(mailbox, flags, date, r.literal());
    }

    private static ImapCommand search(boolean uid, ImapReader r) {
        r.sp();
        if (r.peek() == 'C' || r.peek() == 'c') {
            String probe = peekWord(r);
            if (probe.equals("CHARSET")) {
                r.upperAtom();
                r.sp();
                String charset = r.astring().toUpperCase(Locale.ROOT);
                if (!charset.equals("UTF-8") && !charset.equals("US-ASCII")) {
                    throw new BadCharsetException(charset);
                }
                r.sp();
            }
        }
        return new ImapCommand.Search(uid, SearchParser.keys(r));
    }

    /** The next atom, upper-cased, without consuming it. */
    private static String peekWord(ImapReader r) {
        ImapReader copy = r.copy();
        return copy.upperAtom();
    }

    private static ImapCommand fetch(boolean uid, ImapReader r) {
        r.sp();
        SequenceSet set = r.sequenceSet();
        r.sp();
        List<FetchItem> items = new ArrayList<>(FetchParser.items(r));
        if (uid && items.stream().noneMatch(i -> i instanceof FetchItem.Uid)) {
            items.add(0, new FetchItem.Uid()); // RFC 3501 §6.4.8: UID FETCH always reports the UID
        }
        Long changedSince = null;
        if (r.skip(' ')) {
            // fetch-modifiers (RFC 7162 §3.1.4): CHANGEDSINCE is the only one without QRESYNC.
            r.expect('(');
            String modifier = r.upperAtom();
            if (!modifier.equals("CHANGEDSINCE")) {
                throw new IllegalArgumentException("unknown FETCH modifier " + modifier);
            }
            changedSince = modseq(r, "CHANGEDSINCE", false);
            r.expect(')');
            if (items.stream().noneMatch(i -> i instanceof FetchItem.Modseq)) {
                items.add(new FetchItem.Modseq()); // CHANGEDSINCE implies MODSEQ (RFC 7162 §3.1.4.1)
            }
        }
        return new ImapCommand.Fetch(uid, set, items, changedSince);
    }

    private static ImapCommand store(boolean uid, ImapReader r) {
        r.sp();
        SequenceSet set = r.sequenceSet();
        r.sp();
        Long unchangedSince = null;
        if (r.skip('(')) {
            // store-modifiers (RFC 7162 §3.1.3)
            String modifier = r.upperAtom();
            if (!modifier.equals("UNCHANGEDSINCE")) {
                throw new IllegalArgumentException("unknown STORE modifier " + modifier);
            }
            unchangedSince = modseq(r, "UNCHANGEDSINCE", true);
            r.expect(')');
            r.sp();
        }
        String item = r.upperAtom();
        ImapCommand.StoreMode mode = switch (item.replace(".SILENT", "")) {
            case "FLAGS" -> ImapCommand.StoreMode.REPLACE;
            case "+FLAGS" -> ImapCommand.StoreMode.ADD;
            case "-FLAGS" -> ImapCommand.StoreMode.REMOVE;
            default -> throw new IllegalArgumentException("STORE takes FLAGS, +FLAGS or -FLAGS");
        };
        r.sp();
        List<String> flags;
        if (r.peek() == '(') {
            flags = r.flagList();
        } else {
            flags = new ArrayList<>();
            do {
                flags.add(r.flag());
            } while (r.skip(' '));
        }
        return new ImapCommand.Store(uid, set, mode, item.endsWith(".SILENT"), flags, unchangedSince);
    }

    private static ImapCommand copy(boolean uid, ImapReader r) {
        r.sp();
        SequenceSet set = r.sequenceSet();
        return new ImapCommand.Copy(uid, set, mailbox(r));
    }

    private static ImapCommand move(boolean uid, ImapReader r) {
        r.sp();
        SequenceSet set = r.sequenceSet();
        return new ImapCommand.Move(uid, set, mailbox(r));
    }
}
