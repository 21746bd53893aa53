package io.postflow.mailbox.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A local account: its canonical address, its password hash and its quota. */
@Entity
@Table(name = "account")
public class AccountEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "domain_id", nullable = false)
    public Long domainId;

    /** {@code MailAddress.key()}: the lookup key, unique. */
    @Column(nullable = false, unique = true, length = 254)
    public String address;

    /** PHC string of an Argon2id hash. */
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    /** Limit in bytes; null for none. */
    @Column(name = "quota_bytes")
    public Long quotaBytes;

    /** Kept by the delivery path; read-only here. */
    @Column(name = "used_bytes", insertable = false, updatable = false)
    public long usedBytes;

    @Column(name = "updated_at", insertable = false)
    public OffsetDateTime updatedAt;

    public static AccountEntity of(long domainId, String address, String passwordHash) {
        AccountEntity account = new AccountEntity();
        account.domainId = domainId;
        account.address = address;
        account.passwordHash = passwordHash;
        return account;
    }
}
