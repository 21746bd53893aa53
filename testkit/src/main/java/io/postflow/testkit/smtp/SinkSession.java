package io.postflow.testkit.smtp;

import io.postflow.common.io.LineReader;
import io.postflow.common.smtp.SmtpCommand;
import io.postflow.common.smtp.SmtpCommandParser;
import io.postflow.common.smtp.SmtpSyntaxException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One connection to an {@link SmtpSink}: runs the script, one command at a time (the reader is
 * paused while a reply is delayed, so pipelined commands are answered in order), and reports each
 * finished transaction.
 */
final class SinkSession {

    private static final LineReader.Limits LIMITS = new LineReader.Limits(1 << 20, 4 << 20, 1 << 20);

    private final Vertx vertx;
    private final NetSocket socket;
    private final SinkScript script;
    private final int connection;
    private final boolean tlsPossible;
    private final Consumer<ReceivedTransaction> sink;
    private final LineReader reader;

    private boolean tls;
    private boolean refused;
    private String helo;
    private String mailFrom;
    private Map<String, String> mailParameters;
    private final List<ReceivedTransaction.Rcpt> recipients = new ArrayList<>();
    private ByteArrayOutputStream data;
    private boolean inData;
    private boolean usedBdat;

    SinkSession(Vertx vertx, NetSocket socket, SinkScript script, int connection, boolean tlsPossible,
                Consumer<ReceivedTransaction> sink) {
        this.vertx = vertx;
        this.socket = socket;
        this.script = script;
        this.connection = connection;
        this.tlsPossible = tlsPossible;
        this.sink = sink;
        this.reader = new LineReader(socket, LIMITS);
    }

    void start() {
        reader.pause();
        reader.lineHandler(this::line);
        refused = !script.greeting().startsWith("2");
        reply(script.greeting());
    }

    private void line(Buffer line) {
        if (inData) {
            dataLine(line);
            return;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        SmtpCommand command;
        try {
            command = SmtpCommandParser.parse(text, true);
        } catch (SmtpSyntaxException e) {
            reply(e.reply().code() + " " + (e.reply().status() == null ? "" : e.reply().status() + " ") + e.reply().lines().get(0));
            return;
        }
        if (refused && !(command instanceof SmtpCommand.Quit)) {
            reply("503 5.5.1 no service here");
            return;
        }
        dispatch(command);
    }

    private void dispatch(SmtpCommand command) {
        if (command instanceof SmtpCommand.Ehlo ehlo) {
            helo = ehlo.domain();
            reply(script.ehloReply() != null ? script.ehloReply() : ehloReply());
        } else if (command instanceof SmtpCommand.Helo h) {
            helo = h.domain();
            reply("250 sink.test");
        } else if (command instanceof SmtpCommand.StartTls) {
            startTls();
        } else if (command instanceof SmtpCommand.Mail mail) {
            mail(mail);
        } else if (command instanceof SmtpCommand.Rcpt rcpt) {
            rcpt(rcpt);
        } else if (command instanceof SmtpCommand.Data) {
            data();
        } else if (command instanceof SmtpCommand.Bdat bdat) {
            bdat(bdat);
        } else if (command instanceof SmtpCommand.Rset) {
            resetTransaction();
            reply("250 2.0.0 reset");
        } else if (command instanceof SmtpCommand.Noop) {
            reply("250 2.0.0 ok");
        } else if (command instanceof SmtpCommand.Quit) {
            reply("221 2.0.0 bye").onComplete(done -> socket.close());
        } else {
            reply("502 5.5.1 not implemented here");
        }
    }

    private String ehloReply() {
        List<String> lines = new ArrayList<>();
        lines.add("sink.test");
        for (SinkExtension extension : script.extensions()) {
            if (extension == SinkExtension.STARTTLS && (tls || !tlsPossible)) {
                continue;
            }
            lines.add(extension == SinkExtension.SIZE ? "SIZE " + script.maxSize() : extension.keyword());
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            out.append("250").append(i == lines.size() - 1 ? ' ' : '-').append(lines.get(i));
            if (i < lines.size() - 1) {
                out.append("\r\n");
            }
        }
        return out.toString();
    }

    private void startTls() {
        if (tls || !tlsPossible || !script.offers(SinkExtension.STARTTLS)) {
            reply("502 5.5.1 no STARTTLS here");
            return;
        }
        // RFC 3207 §4.2: forget whatever was pipelined in plain text, start over after the handshake.
        reader.discardBuffered();
        write("220 2.0.0 go ahead").compose(v -> socket.upgradeToSsl()).onComplete(done -> {
            if (done.succeeded()) {
                tls = true;
                helo = null;
                resetTransaction();
                reader.resume();
            } else {
                socket.close();
            }
        });
    }

    private void mail(SmtpCommand.Mail mail) {
        if (helo == null || mailFrom != null) {
            reply("503 5.5.1 bad sequence of commands");
            return;
        }
        String size = mail.parameters().get("SIZE");
        if (script.offers(SinkExtension.SIZE) && script.maxSize() > 0 && size != null && Long.parseLong(size) > script.maxSize()) {
            reply("552 5.3.4 message too big");
            return;
        }
        String answer = script.mailReply();
        if (answer.startsWith("2")) {
            mailFrom = mail.from().envelopeAddress();
            mailParameters = new LinkedHashMap<>(mail.parameters());
        }
        reply(answer);
    }

    private void rcpt(SmtpCommand.Rcpt rcpt) {
        if (mailFrom == null) {
            reply("503 5.5.1 need MAIL first");
            return;
        }
        String address = rcpt.to().path().replaceAll("^<|>$", "");
        String answer = script.rcptReply().apply(address);
        recipients.add(new ReceivedTransaction.Rcpt(address, new LinkedHashMap<>(rcpt.parameters()), answer));
        reply(answer);
    }

    private boolean anyAccepted() {
        return recipients.stream().anyMatch(ReceivedTransaction.Rcpt::accepted);
    }

    private void data() {
        if (mailFrom == null || !anyAccepted()) {
            reply("554 5.5.1 no valid recipients");
            return;
        }
        data = new ByteArrayOutputStream();
        inData = true;
        usedBdat = false;
        reply("354 end with <CRLF>.<CRLF>");
    }

    private void dataLine(Buffer line) {
        byte[] bytes = line.getBytes();
        if (bytes.length == 1 && bytes[0] == '.') {
            inData = false;
            reader.pause();
            finishTransaction(false);
            return;
        }
        int from = bytes.length > 0 && bytes[0] == '.' ? 1 : 0; // RFC 5321 §4.5.2 un-stuffing
        data.write(bytes, from, bytes.length - from);
        data.writeBytes(new byte[] {'\r', '\n'});
    }

    private void bdat(SmtpCommand.Bdat bdat) {
        if (!script.offers(SinkExtension.CHUNKING)) {
            reply("502 5.5.1 no CHUNKING here");
            return;
        }
        boolean usable = mailFrom != null && anyAccepted();
        if (data == null || !usedBdat) {
            data = new ByteArrayOutputStream();
            usedBdat = true;
        }
        ByteArrayOutputStream target = data;
        reader.readFixed(bdat.size(), chunk -> {
            if (usable) {
                target.writeBytes(chunk.getBytes());
            }
        }, end -> {
            reader.pause();
            if (!usable) {
                reply("554 5.5.1 no valid recipients");
            } else if (bdat.last()) {
                finishTransaction(true);
            } else {
                reply("250 2.0.0 " + bdat.size() + " octets received");
            }
        });
        reader.resume();
    }

    private void finishTransaction(boolean bdat) {
        String answer = script.dataReply();
        sink.accept(new ReceivedTransaction(connection, socket.localAddress().hostAddress(), helo, tls, mailFrom,
                Collections.unmodifiableMap(mailParameters),
                List.copyOf(recipients), data.toByteArray(), bdat, answer));
        resetTransaction();
        reply(answer, script.dataReplyDelay());
    }

    private void resetTransaction() {
        mailFrom = null;
        mailParameters = null;
        recipients.clear();
        data = null;
        inData = false;
        usedBdat = false;
    }

    /** Writes a reply after the scripted delay, then reads the next command. */
    private Future<Void> reply(String text) {
        return reply(text, Duration.ZERO);
    }

    private Future<Void> reply(String text, Duration extraDelay) {
        reader.pause();
        Promise<Void> written = Promise.promise();
        Runnable send = () -> write(text).onComplete(done -> {
            written.handle(done);
            if (!inData || text.startsWith("354")) {
                reader.resume();
            }
        });
        Duration delay = script.replyDelay().plus(extraDelay);
        if (delay.isZero()) {
            send.run();
        } else {
            vertx.setTimer(delay.toMillis(), id -> send.run());
        }
        return written.future();
    }

    private Future<Void> write(String text) {
        return socket.write(text + "\r\n");
    }
}
