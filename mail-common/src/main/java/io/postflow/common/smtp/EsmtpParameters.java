package io.postflow.common.smtp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code esmtp-param} list after a MAIL or RCPT path (RFC 5321 §4.1.2):
 * {@code esmtp-keyword ["=" esmtp-value]}, keyword {@code (ALPHA / DIGIT) *(ALPHA / DIGIT / "-")},
 * value {@code 1*(%d33-60 / %d62-126)} plus UTF-8 for SMTPUTF8 (RFC 6531 §3.3).
 */
final class EsmtpParameters {

    private EsmtpParameters() {
    }

    static Map<String, String> immutable(Map<String, String> parameters) {
        return parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Parses space-separated parameters; keywords upper-cased, each allowed once. */
    static Map<String, String> parse(String text) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String token : text.split(" ")) {
            if (token.isEmpty()) {
                continue; // tolerate doubled spaces between parameters
            }
            int eq = token.indexOf('=');
            String keyword = (eq < 0 ? token : token.substring(0, eq)).toUpperCase(Locale.ROOT);
            String value = eq < 0 ? null : token.substring(eq + 1);
            if (!validKeyword(keyword)) {
                throw SmtpSyntaxException.of(501, "5.5.4", "invalid parameter syntax");
            }
            if (value != null && !validValue(value)) {
                throw SmtpSyntaxException.of(501, "5.5.4", "invalid value for parameter " + keyword);
            }
            if (parameters.containsKey(keyword)) {
                throw SmtpSyntaxException.of(501, "5.5.4", "parameter " + keyword + " given twice");
            }
            parameters.put(keyword, value);
        }
        return parameters;
    }

    static boolean validKeyword(String keyword) {
        if (keyword.isEmpty() || !Character.isLetterOrDigit(keyword.charAt(0)) || keyword.charAt(0) > 127) {
            return false;
        }
        for (int i = 0; i < keyword.length(); i++) {
            char c = keyword.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static boolean validValue(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ascii = c >= 33 && c <= 126 && c != '=';
            if (!ascii && c < 128) {
                return false;
            }
        }
        return true;
    }
}
