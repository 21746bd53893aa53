package io.postflow.mailbox.domain.message;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the Content-* fields of one entity say (RFC 2045, RFC 2183, RFC 3282, RFC 2557), with the defaults
 * applied, in the shape BODYSTRUCTURE reports it. Type, subtype, encoding and disposition type are kept
 * lower-case; parameter names and every other value are kept as written.
 *
 * @param type        media type, e.g. "text"
 * @param subtype     media subtype, e.g. "plain"
 * @param params      Content-Type parameters in order, without duplicates
 * @param encoding    Content-Transfer-Encoding token, or null for the 7bit default
 * @param id          Content-ID as written, or null
 * @param description Content-Description as written (encoded words not decoded), or null
 * @param md5         Content-MD5, or null
 * @param disposition Content-Disposition, or null
 * @param languages   Content-Language tags, or null
 * @param location    Content-Location, or null
 */
record ContentHeaders(String type, String subtype, List<MimeParam> params, String encoding, String id,
                      String description, String md5, Disposition disposition, List<String> languages,
                      String location) {

    /** The default charset for text (RFC 2045 §5.2, RFC 2046 §4.1.2), spelt as in RFC 3501 §7.4.2. */
    static final String DEFAULT_CHARSET = "US-ASCII";

    /**
     * @param type   disposition type, lower-case
     * @param params disposition parameters in order
     */
    record Disposition(String type, List<MimeParam> params) {
    }

    /** The type an entity has when its Content-Type is absent or invalid. */
    enum Implicit {
        /** RFC 2045 §5.2: text/plain; charset=us-ascii. */
        TEXT_PLAIN,
        /** RFC 2046 §5.1.5: a part of multipart/digest is message/rfc822 by default. */
        MESSAGE_RFC822
    }

    static ContentHeaders of(MimeHeader header, Implicit implicit) {
        String type;
        String subtype;
        List<MimeParam> params;
        HeaderValueCursor contentType = cursor(header, "content-type");
        String[] media = contentType == null ? null : mediaType(contentType);
        if (media != null) {
            type = media[0];
            subtype = media[1];
            params = params(contentType);
        } else if (implicit == Implicit.MESSAGE_RFC822) {
            type = "message";
            subtype = "rfc822";
            params = List.of();
        } else {
            // RFC 2045 §5.2 recommends the default for a syntactically invalid Content-Type as well.
            type = "text";
            subtype = "plain";
            params = List.of();
        }
        return new ContentHeaders(type, subtype, withCharset(type, params), encoding(header),
                nonEmpty(header.value("content-id")), nonEmpty(header.value("content-description")),
                nonEmpty(header.value("content-md5")), disposition(header), languages(header),
                nonEmpty(header.value("content-location")));
    }

    boolean isMultipart() {
        return type.equals("multipart");
    }

    boolean isText() {
        return type.equals("text");
    }

    /** RFC 3501 §7.4.2 gives message/rfc822 an envelope and a nested body structure. */
    boolean isMessageRfc822() {
        return type.equals("message") && subtype.equals("rfc822");
    }

    boolean isAttachment() {
        return disposition != null && disposition.type().equals("attachment");
    }

    /**
     * RFC 2045 §6.4 / RFC 2046 §5.2.1: only an identity encoding leaves the bytes of an encapsulated
     * message where its part offsets can point at them.
     */
    boolean hasIdentityEncoding() {
        return encoding == null || encoding.equals("7bit") || encoding.equals("8bit") || encoding.equals("binary");
    }

    /** The first parameter of that name (RFC 2045 §5.1: names are case-insensitive), or null. */
    String param(String name) {
        for (MimeParam param : params) {
            if (param.name().equalsIgnoreCase(name)) {
                return param.value();
            }
        }
        return null;
    }

    /** Multipart/digest children default to message/rfc822 (RFC 2046 §5.1.5); all others to text/plain. */
    Implicit childImplicit() {
        return isMultipart() && subtype.equals("digest") ? Implicit.MESSAGE_RFC822 : Implicit.TEXT_PLAIN;
    }

    /**
     * The same entity shown as the RFC 2045 §5.2 default type: for containers the scanner does not enter
     * (no usable boundary, no delimiter found, too deep, an encoded message/rfc822), so their bytes stay
     * readable as one text part. The other Content-* fields still describe the bytes and are kept.
     */
    ContentHeaders opaque() {
        return new ContentHeaders("text", "plain", withCharset("text", List.of()), encoding, id, description, md5,
                disposition, languages, location);
    }

    private static HeaderValueCursor cursor(MimeHeader header, String name) {
        HeaderField field = header.first(name);
        return field == null ? null : new HeaderValueCursor(field.unfolded());
    }

    /** RFC 2045 §5.1: type "/" subtype, with CFWS allowed around each token. */
    private static String[] mediaType(HeaderValueCursor in) {
        in.skipCfws(null);
        String type = in.token();
        in.skipCfws(null);
        if (type.isEmpty() || !in.at('/')) {
            return null;
        }
        in.skip();
        in.skipCfws(null);
        String subtype = in.token();
        if (subtype.isEmpty()) {
            return null;
        }
        return new String[] {type.toLowerCase(Locale.ROOT), subtype.toLowerCase(Locale.ROOT)};
    }

    /**
     * RFC 2045 §5.1: *(";" attribute "=" value), value a token or quoted-string. Broken mail often has
     * unquoted values with spaces (name=my file.pdf); such a value runs to the next ';'. Text that is not a
     * parameter is skipped up to the next ';', and a repeated name keeps its first value.
     */
    private static List<MimeParam> params(HeaderValueCursor in) {
        List<MimeParam> params = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (true) {
            in.skipCfws(null);
            if (in.atEnd()) {
                return params;
            }
            if (!in.at(';')) {
                in.skipTo(';');
                continue;
            }
            in.skip();
            in.skipCfws(null);
            String name = in.token();
            in.skipCfws(null);
            if (name.isEmpty() || !in.at('=')) {
                if (!in.at(';')) {
                    in.skipTo(';');
                }
                continue;
            }
            in.skip();
            in.skipCfws(null);
            String value = paramValue(in);
            if (seen.add(name.toLowerCase(Locale.ROOT))) {
                params.add(new MimeParam(name, value));
            }
        }
    }

    private static String paramValue(HeaderValueCursor in) {
        if (in.at('"')) {
            String value = in.quotedString();
            in.skipCfws(null);
            if (!in.atEnd() && !in.at(';')) {
                in.skipTo(';');
            }
            return value;
        }
        int start = in.position();
        String token = in.token();
        in.skipCfws(null);
        if (in.atEnd() || in.at(';')) {
            return token;
        }
        in.skipTo(';');
        return HeaderField.trim(in.substring(start, in.position()));
    }

    /** RFC 2045 §5.2 / RFC 2046 §4.1.2: text without a charset is us-ascii; BODYSTRUCTURE says so. */
    private static List<MimeParam> withCharset(String type, List<MimeParam> params) {
        if (!type.equals("text")) {
            return params;
        }
        for (MimeParam param : params) {
            if (param.name().equalsIgnoreCase("charset")) {
                return params;
            }
        }
        List<MimeParam> withDefault = new ArrayList<>(params);
        withDefault.add(new MimeParam("charset", DEFAULT_CHARSET));
        return List.copyOf(withDefault);
    }

    /** RFC 2045 §6.1: a single token; anything else is treated as absent (7bit), as Dovecot does. */
    private static String encoding(MimeHeader header) {
        HeaderValueCursor in = cursor(header, "content-transfer-encoding");
        if (in == null) {
            return null;
        }
        in.skipCfws(null);
        String token = in.token();
        in.skipCfws(null);
        return token.isEmpty() || !in.atEnd() ? null : token.toLowerCase(Locale.ROOT);
    }

    /** RFC 2183 §2: disposition-type *(";" disposition-parm). */
    private static Disposition disposition(MimeHeader header) {
        HeaderValueCursor in = cursor(header, "content-disposition");
        if (in == null) {
            return null;
        }
        in.skipCfws(null);
        String type = in.token();
        if (type.isEmpty()) {
            return null;
        }
        return new Disposition(type.toLowerCase(Locale.ROOT), params(in));
    }

    /** RFC 3282 §2: Content-Language is a comma-separated list of language tags. */
    private static List<String> languages(MimeHeader header) {
        HeaderValueCursor in = cursor(header, "content-language");
        if (in == null) {
            return null;
        }
        List<String> tags = new ArrayList<>();
        while (true) {
            in.skipCfws(null);
            if (in.atEnd()) {
                break;
            }
            String tag = in.token();
            if (tag.isEmpty()) {
                in.skip(); // a ',' or stray special
            } else {
                tags.add(tag);
            }
        }
        return tags.isEmpty() ? null : List.copyOf(tags);
    }

    private static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
