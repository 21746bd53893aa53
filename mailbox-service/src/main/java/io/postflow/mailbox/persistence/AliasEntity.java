package io.postflow.mailbox.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A local address forwarding to other addresses; relay-worker expands it. */
@Entity
@Table(name = "alias")
public class AliasEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "domain_id", nullable = false)
    public Long domainId;

    /** {@code MailAddress.key()} of the alias, unique. */
    @Column(nullable = false, unique = true, length = 254)
    public String address;

    /** Canonical address keys, local accounts or remote mailboxes, in the order given. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] targets;

    public static AliasEntity of(long domainId, String address, List<String> targets) {
        AliasEntity alias = new AliasEntity();
        alias.domainId = domainId;
        alias.address = address;
        alias.targets = targets.toArray(String[]::new);
        return alias;
    }
}
