package io.postflow.system;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A burst of numbered messages sent to one recipient through the MX port by a few parallel SMTP
 * sessions, each message its own transaction. It remembers which numbers were answered {@code 250}
 * after the final dot: those, and only those, the platform has promised to deliver. A message
 * answered otherwise (451 while Kafka is away, a dropped connection) is not retried here, so it may
 * be delivered or not; either is allowed.
 *
 * <p>The subject carries the burst's tag and the message number, so the mailbox can be counted
 * back message by message.
 */
final class Burst implements AutoCloseable {

    private final int mxPort;
    private final String recipient;
    private final String tag;
    private final int messages;
    private final int sessions;
    private final long pauseMillis;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final Set<Integer> accepted = ConcurrentHashMap.newKeySet();
    private final List<String> refusals = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService pool;
    private final List<Future<?>> running = new ArrayList<>();

    /**
     * @param pauseMillis pause of each session between two messages, so the burst lasts long
     *                    enough for the faults a test injects while it runs
     */
    Burst(int mxPort, String recipient, String tag, int messages, int sessions, long pauseMillis) {
        this.mxPort = mxPort;
        this.recipient = recipient;
        this.tag = tag;
        this.messages = messages;
        this.sessions = sessions;
        this.pauseMillis = pauseMillis;
        this.pool = Executors.newFixedThreadPool(sessions);
    }

    Burst start() {
        for (int i = 0; i < sessions; i++) {
            running.add(pool.submit(this::session));
        }
        return this;
    }

    /** The subject of message {@code n}. */
    String subject(int n) {
        return "burst " + tag + " " + n;
    }

    /** Messages answered so far, whatever the answer. */
    int answered() {
        return answered.get();
    }

    /** Blocks until at least {@code count} messages were answered (or the burst ended). */
    void awaitAnswered(int count) throws InterruptedException {
        while (answered.get() < count && running.stream().anyMatch(f -> !f.isDone())) {
            Thread.sleep(20);
        }
    }

    /** Waits for the end of the burst and returns the numbers answered 250. */
    Set<Integer> finish(long timeoutSeconds) throws Exception {
        for (Future<?> session : running) {
            session.get(timeoutSeconds, TimeUnit.SECONDS);
        }
        return Set.copyOf(accepted);
    }

    /** The non-250 answers, for the report. */
    List<String> refusals() {
        return List.copyOf(refusals);
    }

    private void session() {
        SmtpDialog smtp = null;
        int n;
        while ((n = next.getAndIncrement()) < messages) {
            try {
                if (smtp == null) {
                    smtp = open();
                }
                String reply = send(smtp, n);
                if (reply.startsWith("250 ")) {
                    accepted.add(n);
                } else {
                    refusals.add(n + ": " + reply);
                    smtp.say("RSET");
                }
            } catch (IOException e) {
                refusals.add(n + ": " + e.getMessage());
                closeQuietly(smtp);
                smtp = null;
            } finally {
                answered.incrementAndGet();
            }
            pause();
        }
        closeQuietly(smtp);
    }

    private SmtpDialog open() throws IOException {
        SmtpDialog smtp = new SmtpDialog(mxPort);
        expect(smtp.say(null), "220 ");
        expect(smtp.say("EHLO burst.remote.example"), "250 ");
        return smtp;
    }

    /** One transaction; the reply to the final dot (or the first refusal before it). */
    private String send(SmtpDialog smtp, int n) throws IOException {
        String reply = smtp.say("MAIL FROM:<sender@remote.example>");
        if (!reply.startsWith("250 ")) {
            return reply;
        }
        reply = smtp.say("RCPT TO:<" + recipient + ">");
        if (!reply.startsWith("250 ")) {
            return reply;
        }
        reply = smtp.say("DATA");
        if (!reply.startsWith("354 ")) {
            return reply;
        }
        return smtp.say("From: sender@remote.example\r\nTo: " + recipient + "\r\nSubject: " + subject(n)
                + "\r\nMessage-ID: <" + n + "." + tag + "@remote.example>\r\n\r\nMessage " + n + " of burst " + tag + ".\r\n.");
    }

    private static void expect(String reply, String prefix) throws IOException {
        if (!reply.startsWith(prefix)) {
            throw new IOException("expected " + prefix + "but got " + reply);
        }
    }

    private void pause() {
        if (pauseMillis > 0) {
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void closeQuietly(SmtpDialog smtp) {
        if (smtp != null) {
            try {
                smtp.close();
            } catch (IOException ignored) {
                // the connection is gone either way
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
