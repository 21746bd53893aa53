package io.postflow.mailbox.domain.message;

/**
 * One header field (RFC 5322 §2.2): the name as written and the value decoded to text, folding kept.
 *
 * @param name  field name without the colon
 * @param value everything after the colon up to the end of the field's last line
 */
record HeaderField(String name, String value) {

    /** RFC 5322 §2.2.3: unfolding removes the CRLF before folding whitespace; stray CR or LF go too. */
    String unfolded() {
        if (value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\r' && c != '\n') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Unfolded, without leading and trailing whitespace (RFC 5322 WSP: space and tab). */
    String trimmed() {
        return trim(unfolded());
    }

    /** Removes leading and trailing WSP only; String.strip() would also take Unicode spaces. */
    static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isWsp(text.charAt(start))) {
            start++;
        }
        while (end > start && isWsp(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    static boolean isWsp(char c) {
        return c == ' ' || c == '\t';
    }
}
