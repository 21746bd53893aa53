package io.postflow.mailbox.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A local mail domain, stored by its canonical A-label name. */
@Entity
@Table(name = "domain")
public class DomainEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = 253)
    public String name;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    public static DomainEntity named(String name) {
        DomainEntity domain = new DomainEntity();
        domain.name = name;
        return domain;
    }
}
