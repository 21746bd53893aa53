package io.postflow.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform's topics as declared in {@code deploy/kafka/topics.conf}, the one definition that
 * tests, mailctl and the deployment manifests share.
 */
public final class TopicCatalog {

    /** Classpath location of topics.conf inside this module's jar. */
    public static final String RESOURCE = "/postflow-kafka/topics.conf";
    /** Default SIZE limit (postflow.smtp.max-message-size). */
    public static final long DEFAULT_MAX_MESSAGE_SIZE = 26_214_400L;
    /** Room for the envelope header and prepended trace headers on top of the SIZE limit. */
    public static final long RECORD_OVERHEAD = 1_048_576L;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z0-9.\\-]+)}");

    private final List<TopicSpec> topics;

    private TopicCatalog(List<TopicSpec> topics) {
        this.topics = List.copyOf(topics);
    }

    /** The catalog shipped in this jar, with the given SIZE limit. */
    public static TopicCatalog load(long maxMessageSize) {
        try (InputStream in = TopicCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), maxMessageSize);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Largest record a mail topic must take for a given SIZE limit. */
    public static long maxRecordBytes(long maxMessageSize) {
        return maxMessageSize + RECORD_OVERHEAD;
    }

    public static TopicCatalog parse(String text, long maxMessageSize) {
        Map<String, String> variables = Map.of("mail.max.message.bytes", Long.toString(maxRecordBytes(maxMessageSize)));
        List<TopicSpec> topics = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            topics.add(parseLine(line, i + 1, variables));
        }
        return new TopicCatalog(topics);
    }

    private static TopicSpec parseLine(String line, int lineNumber, Map<String, String> variables) {
        String[] fields = line.split("\\s+");
        if (fields.length < 3) {
            throw new IllegalArgumentException("topics.conf line " + lineNumber + ": expected '<topic> <partitions> <class> [key=value ...]'");
        }
        int partitions;
        try {
            partitions = Integer.parseInt(fields[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("topics.conf line " + lineNumber + ": partitions is not a number: " + fields[1]);
        }
        TopicSpec.TopicClass topicClass;
        try {
            topicClass = TopicSpec.TopicClass.valueOf(fields[2].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("topics.conf line " + lineNumber + ": unknown class " + fields[2]);
        }
        Map<String, String> configs = new LinkedHashMap<>();
        for (int f = 3; f < fields.length; f++) {
            int eq = fields[f].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("topics.conf line " + lineNumber + ": expected key=value, got " + fields[f]);
            }
            configs.put(fields[f].substring(0, eq), substitute(fields[f].substring(eq + 1), variables, lineNumber));
        }
        return new TopicSpec(fields[0], partitions, topicClass, configs);
    }

    private static String substitute(String value, Map<String, String> variables, int lineNumber) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = variables.get(m.group(1));
            if (replacement == null) {
                throw new IllegalArgumentException("topics.conf line " + lineNumber + ": unknown placeholder ${" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    public List<TopicSpec> topics() {
        return topics;
    }

    public Optional<TopicSpec> topic(String name) {
        return topics.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
