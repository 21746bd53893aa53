package io.postflow.system;

import jakarta.mail.Authenticator;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.util.Properties;

/**
 * A user's mail client submitting through the platform's submission port with Angus Mail:
 * STARTTLS required, AUTH with the user's address and password.
 */
final class Submission {

    private final Platform platform;
    private final String user;
    private final Session session;

    Submission(Platform platform, String user, String password) {
        this.platform = platform;
        this.user = user;
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(platform.port("smtp.submission")));
        props.put("mail.smtp.starttls.enable", "true");
        props.put("mail.smtp.starttls.required", "true");
        props.put("mail.smtp.auth", "true");
        props.put("mail.smtp.ssl.trust", "*");
        props.put("mail.smtp.ssl.checkserveridentity", "false"); // mailctl's self-signed certificate
        this.session = Session.getInstance(props, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, password);
            }
        });
    }

    /** A plain UTF-8 text message from the user, with its Message-ID and Date fixed now. */
    MimeMessage message(String to, String subject, String text) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(user));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText(text, "UTF-8");
        message.saveChanges();
        return message;
    }

    /** The octets the client sends after DATA. */
    static byte[] bytes(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    /** Sends the message as it is (Transport.send would save changes and so make a new Message-ID). */
    void submit(MimeMessage message) throws Exception {
        try (Transport transport = session.getTransport("smtp")) {
            try {
                transport.connect();
            } catch (AuthenticationFailedException e) {
                throw new AssertionError("AUTH refused for " + user + "; service logs:\n" + platform.serviceLogTails(), e);
            }
            transport.sendMessage(message, message.getAllRecipients());
        }
    }
}
