package io.postflow.system;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** A user's view of a mailbox through the IMAP gateway, with Angus Mail's {@code IMAPStore}. */
final class ImapReader implements AutoCloseable {

    private final Store store;

    ImapReader(int port, String user, String password) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", String.valueOf(port));
        props.put("mail.imap.starttls.enable", "true");
        props.put("mail.imap.starttls.required", "true");
        props.put("mail.imap.ssl.trust", "*");
        props.put("mail.imap.ssl.checkserveridentity", "false"); // mailctl's self-signed certificate
        props.put("mail.imap.connectiontimeout", "10000");
        props.put("mail.imap.timeout", "60000");
        store = Session.getInstance(props).getStore("imap");
        store.connect(user, password);
    }

    /** The subjects of all messages in the mailbox, in mailbox order. */
    List<String> subjects(String mailbox) throws MessagingException {
        Folder folder = store.getFolder(mailbox);
        folder.open(Folder.READ_ONLY);
        try {
            Message[] messages = folder.getMessages();
            FetchProfile profile = new FetchProfile();
            profile.add(FetchProfile.Item.ENVELOPE);
            folder.fetch(messages, profile);
            List<String> subjects = new ArrayList<>(messages.length);
            for (Message message : messages) {
                subjects.add(message.getSubject());
            }
            return subjects;
        } finally {
            folder.close(false);
        }
    }

    /** The raw bytes of the last message in the mailbox whose subject is {@code subject}. */
    byte[] raw(String mailbox, String subject) throws MessagingException, IOException {
        Folder folder = store.getFolder(mailbox);
        folder.open(Folder.READ_ONLY);
        try {
            Message[] messages = folder.getMessages();
            for (int i = messages.length - 1; i >= 0; i--) {
                if (subject.equals(messages[i].getSubject())) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    messages[i].writeTo(out); // IMAPMessage copies BODY[] as the server sent it
                    return out.toByteArray();
                }
            }
            throw new AssertionError("no message with subject " + subject + " in " + mailbox);
        } finally {
            folder.close(false);
        }
    }

    /** APPENDs a message, as a client saves its copy of a sent message in "Sent". */
    void append(String mailbox, Message message) throws MessagingException {
        Folder folder = store.getFolder(mailbox);
        folder.appendMessages(new Message[] {message});
    }

    /**
     * Opens the mailbox and idles in it on a thread of its own (Angus Mail {@code IMAPFolder.idle}),
     * handing over the subject of each message the server announces.
     */
    Idler idle(String mailbox) throws MessagingException {
        org.eclipse.angus.mail.imap.IMAPFolder folder = (org.eclipse.angus.mail.imap.IMAPFolder) store.getFolder(mailbox);
        folder.open(Folder.READ_ONLY);
        return new Idler(folder);
    }

    /** A folder idling until closed; announced messages queue up for {@link #next}. */
    static final class Idler implements AutoCloseable {

        private final org.eclipse.angus.mail.imap.IMAPFolder folder;
        private final java.util.concurrent.BlockingQueue<String> subjects = new java.util.concurrent.LinkedBlockingQueue<>();
        private final Thread thread;
        private volatile boolean closing;

        private Idler(org.eclipse.angus.mail.imap.IMAPFolder folder) {
            this.folder = folder;
            folder.addMessageCountListener(new jakarta.mail.event.MessageCountAdapter() {
                @Override
                public void messagesAdded(jakarta.mail.event.MessageCountEvent event) {
                    for (Message message : event.getMessages()) {
                        try {
                            subjects.add(message.getSubject());
                        } catch (MessagingException e) {
                            subjects.add("(unreadable: " + e.getMessage() + ")");
                        }
                    }
                }
            });
            thread = new Thread(() -> {
                while (!closing && folder.isOpen()) {
                    try {
                        folder.idle(); // returns after each notification
                    } catch (MessagingException e) {
                        return;
                    }
                }
            }, "imap-idle");
            thread.setDaemon(true);
            thread.start();
            awaitIdling();
        }

        /** Angus sends IDLE on its thread; wait until the server has answered the continuation. */
        private void awaitIdling() {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The next announced message's subject. */
        String next(java.time.Duration timeout) throws InterruptedException {
            String subject = subjects.poll(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            if (subject == null) {
                throw new AssertionError("no message announced within " + timeout);
            }
            return subject;
        }

        @Override
        public void close() throws MessagingException {
            closing = true;
            folder.close(false);
        }
    }

    @Override
    public void close() throws MessagingException {
        store.close();
    }
}
