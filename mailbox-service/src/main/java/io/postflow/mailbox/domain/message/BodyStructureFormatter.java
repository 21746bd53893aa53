package io.postflow.mailbox.domain.message;

import java.util.List;
import java.util.Locale;

/**
 * Writes BODYSTRUCTURE (extensible) and BODY (non-extensible) for an entity tree (RFC 3501 §7.4.2 and
 * the body grammar of §9):
 * <pre>
 * single part: (type subtype (params) id description encoding size
 *               [lines for text/*] [envelope body lines for message/rfc822]
 *               md5 disposition language location)      -- last four: BODYSTRUCTURE only
 * multipart:   (part part ... subtype (params) disposition language location) -- after subtype: BODYSTRUCTURE only
 * </pre>
 * Type, subtype, parameter names, encoding and disposition type are upper-cased, as in the RFC 3501
 * §7.4.2 example and as most servers send them. Clients compare them case-insensitively.
 * Parameter values are sent as written.
 */
final class BodyStructureFormatter {

    private BodyStructureFormatter() {
    }

    static String format(MimeEntity entity, boolean extensible) {
        ImapStringWriter out = new ImapStringWriter();
        write(out, entity, extensible);
        return out.toString();
    }

    private static void write(ImapStringWriter out, MimeEntity entity, boolean extensible) {
        ContentHeaders content = entity.content();
        out.open();
        if (entity.isMultipart()) {
            for (MimeEntity part : entity.parts()) {
                write(out, part, extensible); // body-type-mpart = 1*body SP media-subtype: no space between
            }
            out.space().string(upper(content.subtype()));
            if (extensible) {
                out.space();
                params(out, content.params());
                out.space();
                extensionTail(out, content);
            }
        } else {
            out.string(upper(content.type())).space().string(upper(content.subtype())).space();
            params(out, content.params());
            out.space().nstring(content.id())
                    .space().nstring(content.description())
                    .space().string(content.encoding() == null ? "7BIT" : upper(content.encoding()))
                    .space().number(entity.bodySize());
            if (entity.message() != null) {
                out.space();
                EnvelopeFormatter.write(out, entity.message().header());
                out.space();
                write(out, entity.message(), extensible);
                out.space().number(entity.bodyLines());
            } else if (content.isText()) {
                out.space().number(entity.bodyLines());
            }
            if (extensible) {
                out.space().nstring(content.md5()).space();
                extensionTail(out, content);
            }
        }
        out.close();
    }

    /** body-fld-dsp SP body-fld-lang SP body-fld-loc, shared by both body kinds. */
    private static void extensionTail(ImapStringWriter out, ContentHeaders content) {
        ContentHeaders.Disposition disposition = content.disposition();
        if (disposition == null) {
            out.nil();
        } else {
            out.open().string(upper(disposition.type())).space();
            params(out, disposition.params());
            out.close();
        }
        out.space();
        List<String> languages = content.languages();
        if (languages == null) {
            out.nil();
        } else {
            out.open();
            for (int i = 0; i < languages.size(); i++) {
                if (i > 0) {
                    out.space();
                }
                out.string(languages.get(i));
            }
            out.close();
        }
        out.space().nstring(content.location());
    }

    /** body-fld-param: "(" string SP string *(SP string SP string) ")" / nil. */
    private static void params(ImapStringWriter out, List<MimeParam> params) {
        if (params.isEmpty()) {
            out.nil();
            return;
        }
        out.open();
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                out.space();
            }
            out.string(upper(params.get(i).name())).space().string(params.get(i).value());
        }
        out.close();
    }

    private static String upper(String token) {
        return token.toUpperCase(Locale.ROOT);
    }
}
