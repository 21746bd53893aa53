package io.postflow.gateway.imap.protocol;

import java.util.ArrayList;
import java.util.List;

/** The FETCH attribute list (RFC 3501 §6.4.5 and §9 {@code fetch-att}), macros expanded. */
final class FetchParser {

    private FetchParser() {
    }

    static List<FetchItem> items(ImapReader r) {
        List<FetchItem> items = new ArrayList<>();
        if (r.skip('(')) {
            do {
                items.add(item(r));
            } while (r.skip(' '));
            r.expect(')');
            return items;
        }
        int mark = r.peek();
        String name = mark == '(' ? "" : r.fetchName();
        switch (name) {
            case "ALL" -> items.addAll(List.of(new FetchItem.Flags(), new FetchItem.InternalDate(), new FetchItem.Rfc822Size(),
                    new FetchItem.Envelope()));
            case "FAST" -> items.addAll(List.of(new FetchItem.Flags(), new FetchItem.InternalDate(), new FetchItem.Rfc822Size()));
            case "FULL" -> items.addAll(List.of(new FetchItem.Flags(), new FetchItem.InternalDate(), new FetchItem.Rfc822Size(),
                    new FetchItem.Envelope(), new FetchItem.Structure(false)));
            default -> items.add(named(name, r));
        }
        return items;
    }

    private static FetchItem item(ImapReader r) {
        return named(r.fetchName(), r);
    }

    private static FetchItem named(String name, ImapReader r) {
        return switch (name) {
            case "UID" -> new FetchItem.Uid();
            case "FLAGS" -> new FetchItem.Flags();
            case "MODSEQ" -> new FetchItem.Modseq();
            case "INTERNALDATE" -> new FetchItem.InternalDate();
            case "RFC822.SIZE" -> new FetchItem.Rfc822Size();
            case "ENVELOPE" -> new FetchItem.Envelope();
            case "BODYSTRUCTURE" -> new FetchItem.Structure(true);
            case "RFC822" -> new FetchItem.Body(new BodySection("", "", List.of(), -1, 0), false, "RFC822");
            case "RFC822.HEADER" -> new FetchItem.Body(new BodySection("", "HEADER", List.of(), -1, 0), true, "RFC822.HEADER");
            case "RFC822.TEXT" -> new FetchItem.Body(new BodySection("", "TEXT", List.of(), -1, 0), false, "RFC822.TEXT");
            case "BODY" -> r.peek() == '[' ? new FetchItem.Body(section(r), false, null) : new FetchItem.Structure(false);
            case "BODY.PEEK" -> new FetchItem.Body(section(r), true, null);
            default -> throw new IllegalArgumentException("unknown FETCH attribute " + name);
        };
    }

    private static BodySection section(ImapReader r) {
        r.expect('[');
        StringBuilder part = new StringBuilder();
        while (r.peek() >= '0' && r.peek() <= '9') {
            long n = r.nzNumber();
            part.append(part.length() == 0 ? "" : ".").append(n);
            if (!r.skip('.')) {
                break;
            }
            if (!(r.peek() >= '0' && r.peek() <= '9')) {
                part.append('.'); // a specifier follows: remembered by the trailing dot
                break;
            }
        }
        boolean specifierFollows = part.length() == 0 || part.charAt(part.length() - 1) == '.';
        String path = part.toString().replaceAll("\\.$", "");
        String specifier = "";
        List<String> fields = List.of();
        if (specifierFollows && r.peek() != ']') {
            specifier = r.fetchName();
            switch (specifier) {
                case "HEADER", "TEXT" -> { }
                case "MIME" -> {
                    if (path.isEmpty()) {
                        throw new IllegalArgumentException("MIME needs a part number");
                    }
                }
                case "HEADER.FIELDS", "HEADER.FIELDS.NOT" -> {
                    r.sp();
                    fields = headerList(r);
                }
                default -> throw new IllegalArgumentException("unknown section " + specifier);
            }
        } else if (specifierFollows && !path.isEmpty()) {
            throw new IllegalArgumentException("section ends with a dot");
        }
        r.expect(']');
        long offset = -1;
        long length = 0;
        if (r.skip('<')) {
            offset = r.number();
            r.expect('.');
            length = r.nzNumber();
            r.expect('>');
        }
        return new BodySection(path, specifier, fields, offset, length);
    }

    private static List<String> headerList(ImapReader r) {
        r.expect('(');
        List<String> names = new ArrayList<>();
        do {
            String name = r.astring();
            if (name.isEmpty() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
                throw new IllegalArgumentException("invalid header field name");
            }
            names.add(name);
        } while (r.skip(' '));
        r.expect(')');
        return names;
    }
}
