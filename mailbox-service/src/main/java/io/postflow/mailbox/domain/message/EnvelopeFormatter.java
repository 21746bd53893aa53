package io.postflow.mailbox.domain.message;

import java.util.List;

/**
 * Writes the ENVELOPE of a message header (RFC 3501 §7.4.2, RFC 9051 §7.5.2):
 * (date subject from sender reply-to to cc bcc in-reply-to message-id).
 *
 * <p>Values are sent as they appear in the header, unfolded and trimmed, with encoded words left
 * encoded: RFC 3501 sends header text undecoded, and clients decode it themselves. An absent field is
 * NIL. A present but empty one is "" for the string members and NIL for the address lists, which hold no
 * address. Where a field occurs twice, the first occurrence is used (RFC 5322 §3.6 allows one).
 */
final class EnvelopeFormatter {

    private EnvelopeFormatter() {
    }

    static String format(MimeHeader header) {
        ImapStringWriter out = new ImapStringWriter();
        write(out, header);
        return out.toString();
    }

    static void write(ImapStringWriter out, MimeHeader header) {
        List<EnvelopeAddress> from = addresses(header, "from");
        List<EnvelopeAddress> sender = addresses(header, "sender");
        List<EnvelopeAddress> replyTo = addresses(header, "reply-to");
        out.open()
                .nstring(header.value("date")).space()
                .nstring(header.value("subject")).space();
        addressList(out, from).space();
        // RFC 3501 §7.4.2: an absent or empty Sender or Reply-To takes the value of From.
        addressList(out, sender.isEmpty() ? from : sender).space();
        addressList(out, replyTo.isEmpty() ? from : replyTo).space();
        addressList(out, addresses(header, "to")).space();
        addressList(out, addresses(header, "cc")).space();
        addressList(out, addresses(header, "bcc")).space();
        out.nstring(header.value("in-reply-to")).space()
                .nstring(header.value("message-id"))
                .close();
    }

    private static List<EnvelopeAddress> addresses(MimeHeader header, String name) {
        HeaderField field = header.first(name);
        return field == null ? List.of() : EnvelopeAddressParser.parse(field.unfolded());
    }

    /** RFC 3501 §9: "(" 1*address ")" / nil, with no space between the addresses. */
    private static ImapStringWriter addressList(ImapStringWriter out, List<EnvelopeAddress> addresses) {
        if (addresses.isEmpty()) {
            return out.nil();
        }
        out.open();
        for (EnvelopeAddress address : addresses) {
            out.open();
            // Java 17 has no pattern switch; the interface is sealed, so these three cases are all.
            if (address instanceof EnvelopeAddress.Mailbox m) {
                out.nstring(m.name()).space().nstring(m.route()).space().string(m.mailbox()).space().string(m.host());
            } else if (address instanceof EnvelopeAddress.GroupStart g) {
                out.nil().space().nil().space().string(g.name()).space().nil();
            } else {
                out.nil().space().nil().space().nil().space().nil();
            }
            out.close();
        }
        return out.close();
    }
}
