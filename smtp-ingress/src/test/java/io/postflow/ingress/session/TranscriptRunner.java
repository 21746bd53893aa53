package io.postflow.ingress.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Plays a transcript against a session (STYLE §8.2). Script lines:
 * <pre>
 * C: text          client line, sent with CRLF; consecutive C:/C~ lines go out as one burst (pipelining)
 * C~ text          client bytes sent as they are, without CRLF
 * S: regex         the next reply line must match (whole line)
 * !closed          the server has closed the connection
 * !open            the connection is still open
 * !tls             the connection was upgraded to TLS
 * !advance PT5M    virtual time moves on (timeouts)
 * !records N       the spool holds N messages
 * # comment
 * </pre>
 * In C: and C~ lines, {@code \r}, {@code \n}, {@code \0} and {@code \\} are escapes, and
 * {@code \x{N}*c} stands for N repetitions of the character c. Everything else is sent as UTF-8.
 */
final class TranscriptRunner {

    private static final long WAIT_MILLIS = 5000;

    private final TestEngine.Client client;
    private final TestEngine engine;
    private int seen;
    private final ByteArrayOutputStream burst = new ByteArrayOutputStream();

    TranscriptRunner(TestEngine engine) {
        this.engine = engine;
        this.client = engine.connect();
    }

    TestEngine.Client client() {
        return client;
    }

    /** Plays the script; fails with the whole conversation so far on a mismatch. */
    TranscriptRunner play(String script) {
        for (String raw : script.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("C:")) {
                burst.writeBytes(unescape(text(raw, "C:")));
                burst.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
                continue;
            }
            if (line.startsWith("C~")) {
                burst.writeBytes(unescape(text(raw, "C~")));
                continue;
            }
            flush();
            if (line.startsWith("S:")) {
                expect(text(raw, "S:"));
            } else if (line.equals("!closed")) {
                await(() -> client.connection().closed(), "the connection to be closed");
            } else if (line.equals("!open")) {
                assertThat(client.connection().closed()).as("connection closed").isFalse();
            } else if (line.equals("!tls")) {
                assertThat(client.connection().tlsUpgrades()).as("TLS upgrades").isEqualTo(1);
            } else if (line.startsWith("!advance ")) {
                engine.loop.advance(java.time.Duration.parse(line.substring(9).strip()).toMillis());
            } else if (line.startsWith("!records ")) {
                int expected = Integer.parseInt(line.substring(9).strip());
                await(() -> engine.spool.records.size() == expected, expected + " records in the spool");
            } else {
                throw new IllegalArgumentException("bad transcript line: " + raw);
            }
        }
        flush();
        return this;
    }

    /** After the script: no reply arrived that the script did not expect. */
    void noMoreReplies() {
        engine.loop.runAndWait(() -> { });
        assertThat(client.connection().lines().subList(seen, client.connection().lines().size()))
                .as("unexpected replies after the transcript").isEmpty();
    }

    private static String text(String raw, String prefix) {
        String rest = raw.substring(raw.indexOf(prefix) + prefix.length());
        return rest.startsWith(" ") ? rest.substring(1) : rest;
    }

    private void flush() {
        if (burst.size() == 0) {
            return;
        }
        Buffer bytes = Buffer.buffer(burst.toByteArray());
        burst.reset();
        engine.loop.runAndWait(() -> client.socket().feed(bytes));
    }

    private void expect(String regex) {
        List<String> lines = client.connection().lines();
        await(() -> lines.size() > seen, "a reply matching " + regex);
        String actual = lines.get(seen);
        if (!Pattern.compile(regex, Pattern.DOTALL).matcher(actual).matches()) {
            fail("reply %d was%n  %s%nexpected%n  %s%nconversation:%n%s", seen, actual, regex, String.join("\n", lines));
        }
        seen++;
    }

    private void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("waited in vain for %s; conversation:%n%s", what, String.join("\n", client.connection().lines()));
            }
            engine.loop.runAndWait(() -> { });
            Thread.onSpinWait();
        }
    }

    static byte[] unescape(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1; // keep pairs whole
                out.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'r' -> out.write('\r');
                case 'n' -> out.write('\n');
                case '0' -> out.write(0);
                case '\\' -> out.write('\\');
                case 'x' -> {
                    int close = text.indexOf("}*", i);
                    int count = Integer.parseInt(text.substring(i + 2, close));
                    char repeated = text.charAt(close + 2);
                    out.writeBytes(String.valueOf(repeated).repeat(count).getBytes(StandardCharsets.UTF_8));
                    i = close + 2;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + next);
            }
        }
        return out.toByteArray();
    }
}
