package io.postflow.mailbox.support;

import static io.postflow.mailbox.support.AdminClient.createAccount;
import static io.postflow.mailbox.support.AdminClient.createDomain;
import static io.postflow.mailbox.support.AdminClient.uniqueDomain;

import io.vertx.mutiny.sqlclient.Row;
import java.nio.charset.StandardCharsets;

/** An account made through the admin API (with its six mailboxes), and what tests read of it with SQL. */
public final class MailFixture {

    private final Database db;
    private final String address;

    private MailFixture(Database db, String address) {
        this.db = db;
        this.address = address;
    }

    /** A new account in a new domain. */
    public static MailFixture account(Database db, String purpose) {
        String domain = uniqueDomain(purpose);
        createDomain(domain);
        String address = "user@" + domain;
        createAccount(address);
        return new MailFixture(db, address);
    }

    public String address() {
        return address;
    }

    /** The id of one of the account's mailboxes, by name. */
    public long mailbox(String name) {
        return db.single("SELECT m.id FROM mailbox m JOIN account a ON a.id = m.account_id WHERE a.address = $1 AND m.name = $2",
                address, name).getLong("id");
    }

    /** The mailbox row: uidnext, highestmodseq, message_count, unseen_count, size_bytes, uidvalidity. */
    public Row mailboxRow(long id) {
        return db.single("SELECT * FROM mailbox WHERE id = $1", id);
    }

    public long usedBytes() {
        return db.single("SELECT used_bytes FROM account WHERE address = $1", address).getLong("used_bytes");
    }

    /** A small message with a unique subject. */
    public static byte[] message(String subject, String body) {
        return ("From: Alice <alice@example.test>\r\nTo: Bob <bob@example.test>\r\nSubject: " + subject
                + "\r\nDate: Mon, 6 May 2024 10:00:00 +0000\r\nMessage-ID: <" + subject.hashCode() + "." + System.nanoTime()
                + "@example.test>\r\n\r\n" + body + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
