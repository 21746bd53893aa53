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

    @Override
    public void close() throws MessagingException {
        store.close();
    }
}
