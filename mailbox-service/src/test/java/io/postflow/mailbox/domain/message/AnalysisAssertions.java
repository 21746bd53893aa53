package io.postflow.mailbox.domain.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Fixtures and checks shared by the analyzer tests. */
final class AnalysisAssertions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnalysisAssertions() {
    }

    /** A message from lines joined by CRLF, UTF-8 encoded. */
    static byte[] crlf(String... lines) {
        return String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] raw) {
        return new String(raw, StandardCharsets.UTF_8);
    }

    /** The part table by section. */
    static Map<String, JsonNode> parts(MessageAnalysis analysis) {
        try {
            Map<String, JsonNode> bySection = new LinkedHashMap<>();
            for (JsonNode part : JSON.readTree(analysis.partsJson())) {
                bySection.put(part.get("section").asText(), part);
            }
            return bySection;
        } catch (Exception e) {
            throw new AssertionError("part table is not JSON: " + analysis.partsJson(), e);
        }
    }

    /**
     * The octets a gateway would serve for a section spec such as "", "1.2", "1.2.MIME", "HEADER",
     * "2.HEADER" or "2.TEXT", read from the part table the way PartTable documents it.
     */
    static String section(byte[] raw, MessageAnalysis analysis, String spec) {
        Map<String, JsonNode> parts = parts(analysis);
        String number = spec;
        String suffix = "";
        for (String text : List.of("MIME", "HEADER", "TEXT")) {
            if (spec.equals(text)) {
                number = "";
                suffix = text;
            } else if (spec.endsWith("." + text)) {
                number = spec.substring(0, spec.length() - text.length() - 1);
                suffix = text;
            }
        }
        JsonNode part = parts.get(number);
        assertThat(part).as("section %s in %s", number, analysis.partsJson()).isNotNull();
        int from;
        int to;
        switch (suffix) {
            case "MIME" -> {
                from = part.get("headerStart").asInt();
                to = part.get("bodyStart").asInt();
            }
            case "HEADER" -> {
                from = number.isEmpty() ? 0 : part.get("bodyStart").asInt();
                to = number.isEmpty() ? part.get("bodyStart").asInt() : part.get("innerHeaderEnd").asInt();
            }
            case "TEXT" -> {
                from = number.isEmpty() ? part.get("bodyStart").asInt() : part.get("innerHeaderEnd").asInt();
                to = part.get("end").asInt();
            }
            default -> {
                from = part.get("bodyStart").asInt();
                to = part.get("end").asInt();
            }
        }
        return new String(raw, from, to - from, StandardCharsets.UTF_8);
    }

    /**
     * What must hold for any input, however broken:
     * <ul>
     *   <li>offsets are ordered and within the message;</li>
     *   <li>ENVELOPE, BODYSTRUCTURE and BODY parse as IMAP;</li>
     *   <li>each BODYSTRUCTURE size equals its section's size in the part table;</li>
     *   <li>no text holds NUL, which PostgreSQL rejects.</li>
     * </ul>
     */
    static void assertConsistent(byte[] raw, MessageAnalysis analysis) {
        Map<String, JsonNode> parts = parts(analysis);
        JsonNode top = parts.get("");
        assertThat(top.get("headerStart").asInt()).isZero();
        assertThat(top.get("bodyStart").asInt()).isEqualTo(analysis.headerSize());
        assertThat(top.get("end").asInt()).isEqualTo(raw.length);
        assertThat(top.get("lines").asInt()).isEqualTo(analysis.bodyLines());
        for (JsonNode part : parts.values()) {
            int headerStart = part.get("headerStart").asInt();
            int bodyStart = part.get("bodyStart").asInt();
            int end = part.get("end").asInt();
            assertThat(headerStart).as("%s", part).isBetween(0, bodyStart);
            assertThat(bodyStart).as("%s", part).isBetween(headerStart, end);
            assertThat(end).as("%s", part).isBetween(bodyStart, raw.length);
            assertThat(part.get("lines").asInt()).as("%s", part).isBetween(0, end - bodyStart);
            if (part.has("innerHeaderEnd")) {
                assertThat(part.get("innerHeaderEnd").asInt()).as("%s", part).isBetween(bodyStart, end);
            }
        }
        ImapSyntax.parse(analysis.envelope());
        ImapSyntax.parse(analysis.bodyBasic());
        Map<String, Long> sizes = new LinkedHashMap<>();
        bodySizes(ImapSyntax.parse(analysis.bodyStructure()), "", true, sizes);
        assertThat(sizes.keySet()).as("sections of %s", analysis.bodyStructure())
                .containsExactlyElementsOf(parts.keySet().stream().filter(s -> !s.isEmpty()).toList());
        sizes.forEach((section, size) -> {
            if (size != null) {
                JsonNode part = parts.get(section);
                assertThat(part.get("end").asLong() - part.get("bodyStart").asLong()).as("size of %s", section)
                        .isEqualTo(size);
            }
        });
        for (String text : new String[] {analysis.envelope(), analysis.bodyStructure(), analysis.bodyBasic(),
                analysis.subject(), analysis.fromText(), analysis.toText(), analysis.ccText(), analysis.bccText(),
                analysis.messageId(), analysis.headerText(), analysis.bodyText()}) {
            if (text != null) {
                assertThat(text).doesNotContain("\0");
            }
        }
        assertThat(analysis.bodyText()).hasSizeLessThanOrEqualTo(BodyTextExtractor.MAX_CHARS);
    }

    /**
     * Walks a parsed BODYSTRUCTURE with the RFC 3501 §6.4.5 numbering and records each section's size
     * (null for a multipart, which has none), in document order.
     */
    @SuppressWarnings("unchecked")
    private static void bodySizes(Object body, String prefix, boolean message, Map<String, Long> sizes) {
        List<Object> list = (List<Object>) body;
        if (list.get(0) instanceof List) {
            // The leading lists are the parts; the subtype and the extension data follow them.
            int number = 1;
            for (Object element : list) {
                if (!(element instanceof List)) {
                    break;
                }
                part(element, child(prefix, number++), sizes);
            }
        } else if (message) {
            part(body, child(prefix, 1), sizes);
        }
    }

    @SuppressWarnings("unchecked")
    private static void part(Object body, String section, Map<String, Long> sizes) {
        List<Object> list = (List<Object>) body;
        if (list.get(0) instanceof List) {
            sizes.put(section, null);
            bodySizes(body, section, false, sizes);
            return;
        }
        sizes.put(section, (Long) list.get(6));
        if ("MESSAGE".equals(list.get(0)) && "RFC822".equals(list.get(1))) {
            bodySizes(list.get(8), section, true, sizes);
        }
    }

    private static String child(String prefix, int number) {
        return prefix.isEmpty() ? Integer.toString(number) : prefix + "." + number;
    }
}
