package io.postflow.system;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.util.Properties;

/** Reading a maildrop through the gateway's POP3 listener with Angus Mail's {@code POP3Store} (STLS). */
final class Pop3Reader {

    private Pop3Reader() {
    }

    /** RETR of the last message with this subject, as the server sent it (dot-unstuffed by the client). */
    static byte[] retrieve(int port, String user, String password, String subject) throws Exception {
        Properties props = new Properties();
        props.put("mail.pop3.host", "127.0.0.1");
        props.put("mail.pop3.port", String.valueOf(port));
        props.put("mail.pop3.starttls.enable", "true");
        props.put("mail.pop3.starttls.required", "true");
        props.put("mail.pop3.ssl.trust", "*");
        props.put("mail.pop3.ssl.checkserveridentity", "false"); // mailctl's self-signed certificate
        props.put("mail.pop3.connectiontimeout", "10000");
        props.put("mail.pop3.timeout", "60000");
        Store store = Session.getInstance(props).getStore("pop3");
        store.connect(user, password);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                Message[] messages = inbox.getMessages();
                for (int i = messages.length - 1; i >= 0; i--) {
                    if (subject.equals(messages[i].getSubject())) {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        messages[i].writeTo(out); // POP3Message writes the RETR octets it received
                        return out.toByteArray();
                    }
                }
                throw new AssertionError("no message with subject " + subject + " in the maildrop of " + user);
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }
}
