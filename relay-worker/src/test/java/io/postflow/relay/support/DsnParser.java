package io.postflow.relay.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.james.mime4j.dom.BinaryBody;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Header;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;

/** Reads a DSN back with Apache Mime4j, for assertions on its structure and its status fields. */
public final class DsnParser {

    public final Message message;
    public final Multipart report;
    /** The per-message field group, then one group per recipient (RFC 3464 §2.1). */
    public final List<Header> statusGroups = new ArrayList<>();

    public DsnParser(byte[] dsn) {
        try {
            DefaultMessageBuilder builder = new DefaultMessageBuilder();
            builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
            message = builder.parseMessage(new ByteArrayInputStream(dsn));
            report = (Multipart) message.getBody();
            String status = new String(partBytes(1), StandardCharsets.UTF_8);
            for (String group : status.split("\r\n\r\n")) {
                if (!group.isBlank()) {
                    statusGroups.add(builder.parseHeader(new ByteArrayInputStream((group + "\r\n\r\n").getBytes(StandardCharsets.UTF_8))));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Entity part(int i) {
        return report.getBodyParts().get(i);
    }

    /** The raw bytes of a part's body (for message/rfc822 the nested message written out again). */
    public byte[] partBytes(int i) {
        try {
            Entity part = part(i);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (part.getBody() instanceof SingleBody single) {
                single.writeTo(out);
            } else if (part.getBody() instanceof Message nested) {
                new org.apache.james.mime4j.message.DefaultMessageWriter().writeMessage(nested, out);
            } else if (part.getBody() instanceof BinaryBody binary) {
                binary.writeTo(out);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String field(int group, String name) {
        var field = statusGroups.get(group).getField(name);
        return field == null ? null : field.getBody().trim();
    }

    public String header(String name) {
        var field = message.getHeader().getField(name);
        return field == null ? null : field.getBody().trim();
    }
}
