package io.postflow.mailbox.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A mailbox of an account with the counters kept beside its entries, so that IMAP STATUS and the
 * admin API never count rows. Created by {@link MailboxRepository#createDefaults}; the delivery
 * path owns the counters.
 */
@Entity
@Table(name = "mailbox")
public class MailboxEntity {

    @Id
    public Long id;

    @Column(name = "account_id", nullable = false)
    public Long accountId;

    /** Full hierarchical name, UTF-8, {@code /} as delimiter. */
    @Column(nullable = false)
    public String name;

    /** RFC 6154 attribute such as {@code \Sent}, or null. */
    @Column(name = "special_use")
    public String specialUse;

    @Column(nullable = false)
    public long uidvalidity;

    @Column(nullable = false)
    public long uidnext;

    @Column(name = "message_count", nullable = false)
    public int messageCount;

    @Column(name = "unseen_count", nullable = false)
    public int unseenCount;
}
