package io.postflow.relay.smtp;

import io.postflow.common.smtp.SmtpReply;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a server announced in its EHLO reply (RFC 5321 §4.1.1.1): one keyword per line after the
 * first. {@link #NONE} after HELO.
 *
 * @param maxSize the RFC 1870 SIZE value, 0 when SIZE came without a limit, -1 when not offered
 */
public record Capabilities(Set<String> keywords, long maxSize) {

    public static final Capabilities NONE = new Capabilities(Set.of(), -1);

    public Capabilities {
        keywords = Set.copyOf(keywords);
    }

    public static Capabilities fromEhlo(SmtpReply reply) {
        List<String> lines = reply.lines();
        Set<String> keywords = new HashSet<>();
        long size = -1;
        for (int i = 1; i < lines.size(); i++) {
            String[] words = lines.get(i).strip().split(" +");
            String keyword = words[0].toUpperCase(Locale.ROOT);
            if (keyword.isEmpty()) {
                continue;
            }
            keywords.add(keyword);
            if (keyword.equals("SIZE")) {
                size = 0;
                if (words.length > 1 && words[1].matches("\\d{1,18}")) {
                    size = Long.parseLong(words[1]);
                }
            }
        }
        return new Capabilities(keywords, size);
    }

    public boolean has(String keyword) {
        return keywords.contains(keyword);
    }

    public boolean startTls() {
        return has("STARTTLS");
    }

    public boolean pipelining() {
        return has("PIPELINING");
    }

    public boolean chunking() {
        return has("CHUNKING");
    }

    public boolean eightBitMime() {
        return has("8BITMIME");
    }

    public boolean binaryMime() {
        return has("BINARYMIME");
    }

    public boolean smtpUtf8() {
        return has("SMTPUTF8");
    }

    public boolean dsn() {
        return has("DSN");
    }

    public boolean size() {
        return maxSize >= 0;
    }
}
