package io.postflow.gateway.imap.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The arguments of the small extension commands: ID (RFC 2971) and ENABLE (RFC 5161). */
final class ExtensionParser {

    /** RFC 2971 §3.3: at most 30 pairs, fields up to 30 octets, values up to 1024 octets. */
    static final int MAX_ID_FIELDS = 30;
    static final int MAX_ID_FIELD = 30;
    static final int MAX_ID_VALUE = 1024;

    private ExtensionParser() {
    }

    /** {@code ID SP ( "(" string SP nstring *(SP string SP nstring) ")" / NIL )} (RFC 2971 §4, errata 3300). */
    static ImapCommand.Id id(ImapReader r) {
        r.sp();
        Map<String, String> fields = new LinkedHashMap<>();
        if (r.peek() != '(') {
            if (!r.atom().equalsIgnoreCase("NIL")) {
                throw new IllegalArgumentException("ID takes a parenthesised list or NIL");
            }
            return new ImapCommand.Id(fields);
        }
        r.expect('(');
        if (r.skip(')')) {
            return new ImapCommand.Id(fields);
        }
        do {
            byte[] field = r.string();
            r.sp();
            byte[] value = r.nstring();
            if (field.length > MAX_ID_FIELD || value != null && value.length > MAX_ID_VALUE) {
                throw new IllegalArgumentException("ID field or value too long (RFC 2971 §3.3)");
            }
            if (fields.size() == MAX_ID_FIELDS) {
                throw new IllegalArgumentException("more than " + MAX_ID_FIELDS + " ID fields");
            }
            // RFC 2971 §3.3: field names are not case-sensitive; a repeated one keeps its first value.
            fields.putIfAbsent(new String(field, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT),
                    value == null ? null : new String(value, StandardCharsets.UTF_8));
        } while (r.skip(' '));
        r.expect(')');
        return new ImapCommand.Id(fields);
    }

    /** {@code ENABLE 1*(SP capability)} (RFC 5161 §4). */
    static ImapCommand.Enable enable(ImapReader r) {
        List<String> capabilities = new ArrayList<>();
        do {
            r.sp();
            capabilities.add(r.upperAtom());
        } while (!r.atEnd());
        return new ImapCommand.Enable(capabilities);
    }
}
