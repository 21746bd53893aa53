package io.postflow.gateway.imap.session;

import io.postflow.common.io.LineReader;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Assembles complete commands from lines and literals (RFC 3501 §4.3, §7.5): a line ending in
 * {@code {n}} gets a {@code +} continuation and then exactly n octets, {@code {n+}} (LITERAL+,
 * RFC 7888) gets none. Oversized literals are refused with BAD before any octet is read (a
 * non-synchronising one is read and dropped), so the connection stays in step. One command is
 * handed on at a time: the reader stays paused until {@link #next()}.
 */
public final class CommandFramer {

    private final LineReader reader;
    private final Output output;
    private final LongSupplier literalLimit;
    private final long maxCommandBytes;
    private Consumer<byte[]> commands;
    private Consumer<String> lineOverride;
    private ByteArrayOutputStream current = new ByteArrayOutputStream();
    private boolean skipContinuation;

    /** Where the framer writes its own responses ({@code +} and BAD for refused literals). */
    public interface Output {
        void write(String line);
    }

    public CommandFramer(LineReader reader, Output output, LongSupplier literalLimit, long maxCommandBytes) {
        this.reader = reader;
        this.output = output;
        this.literalLimit = literalLimit;
        this.maxCommandBytes = maxCommandBytes;
        reader.pause();
        reader.lineHandler(this::line);
        reader.overflowHandler(v -> overflow());
    }

    /** Starts delivery; {@code commands} receives each complete command. */
    public void start(Consumer<byte[]> commands) {
        this.commands = commands;
        reader.resume();
    }

    /** The previous command is done: read the next one. */
    public void next() {
        reader.resume();
    }

    /** The next line goes to {@code handler} as is (an AUTHENTICATE response, RFC 3501 §6.2.2). */
    public void readLine(Consumer<String> handler) {
        this.lineOverride = handler;
        reader.resume();
    }

    /** After STARTTLS: whatever the client pipelined in plain text is dropped (RFC 3501 §6.2.1). */
    public void discardBuffered() {
        reader.discardBuffered();
        current = new ByteArrayOutputStream();
    }

    private void line(Buffer buffer) {
        reader.pause();
        byte[] bytes = buffer.getBytes();
        if (lineOverride != null) {
            Consumer<String> handler = lineOverride;
            lineOverride = null;
            handler.accept(new String(bytes, StandardCharsets.US_ASCII));
            return;
        }
        if (skipContinuation) {
            // The rest of a command whose literal was refused: drop it, and its further literals.
            Literal literal = Literal.at(bytes);
            skipContinuation = literal != null;
            if (literal != null) {
                reader.discardFixed(literal.size(), v -> { });
            }
            reader.resume();
            return;
        }
        if (current.size() + bytes.length > maxCommandBytes) {
            refuse("command too long", bytes);
            return;
        }
        current.writeBytes(bytes);
        Literal literal = Literal.at(bytes);
        if (literal == null) {
            byte[] command = current.toByteArray();
            current = new ByteArrayOutputStream();
            commands.accept(command);
            return;
        }
        long limit = literalLimit.getAsLong();
        if (literal.size() > limit || current.size() + literal.size() > maxCommandBytes + limit) {
            String tag = tagOf(current.toByteArray());
            current = new ByteArrayOutputStream();
            if (literal.synchronising()) {
                // The client waits for "+": without it, it never sends the octets (RFC 3501 §7.5).
                output.write(tag + " BAD [TOOBIG] literal larger than " + limit + " octets");
            } else {
                output.write(tag + " BAD [TOOBIG] literal larger than " + limit + " octets");
                reader.discardFixed(literal.size(), v -> { });
                skipContinuation = true;
            }
            reader.resume();
            return;
        }
        current.write('\r');
        current.write('\n');
        if (literal.synchronising()) {
            output.write("+ Ready for literal data");
        }
        reader.readFixed(literal.size(), chunk -> current.writeBytes(chunk.getBytes()), v -> { });
        reader.resume();
    }

    private void refuse(String why, byte[] line) {
        String tag = tagOf(current.size() > 0 ? current.toByteArray() : line);
        current = new ByteArrayOutputStream();
        Literal literal = Literal.at(line);
        if (literal != null && !literal.synchronising()) {
            reader.discardFixed(literal.size(), v -> { });
            skipContinuation = true;
        }
        output.write(tag + " BAD " + why);
        reader.resume();
    }

    private void overflow() {
        String tag = current.size() > 0 ? tagOf(current.toByteArray()) : "*";
        current = new ByteArrayOutputStream();
        output.write(tag + " BAD line too long");
    }

    /** The tag of a (partial) command for BAD, or {@code *} when it has none. */
    static String tagOf(byte[] command) {
        int end = 0;
        while (end < command.length && command[end] > ' ' && command[end] < 127 && command[end] != '{'
                && command[end] != '(' && command[end] != ')' && command[end] != '%' && command[end] != '*'
                && command[end] != '"' && command[end] != '\\' && command[end] != '+') {
            end++;
        }
        return end == 0 ? "*" : new String(command, 0, end, StandardCharsets.US_ASCII);
    }

    /** A {@code {n}} or {@code {n+}} at the end of a line. */
    record Literal(long size, boolean synchronising) {

        static Literal at(byte[] line) {
            int end = line.length - 1;
            if (end < 2 || line[end] != '}') {
                return null;
            }
            int i = end - 1;
            boolean plus = line[i] == '+';
            if (plus) {
                i--;
            }
            int digitsEnd = i;
            while (i >= 0 && line[i] >= '0' && line[i] <= '9') {
                i--;
            }
            if (i < 0 || line[i] != '{' || i == digitsEnd || digitsEnd - i > 18) {
                return null;
            }
            return new Literal(Long.parseLong(new String(line, i + 1, digitsEnd - i, StandardCharsets.US_ASCII)), !plus);
        }
    }
}
