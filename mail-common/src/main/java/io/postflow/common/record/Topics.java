package io.postflow.common.record;

import java.util.List;

/** Kafka topic names shared by every service. Changing one is a data migration, not a refactoring. */
public final class Topics {

    /** Every message smtp-ingress accepted, and every DSN the relay generates. */
    public static final String MAIL_ACCEPTED = "mail.accepted";
    /** Messages routed to local accounts, consumed by mailbox-service. */
    public static final String MAIL_DELIVER = "mail.deliver";
    /** Delay tiers for temporary failures, each consumed only when its records are due. */
    public static final String MAIL_RETRY_1M = "mail.retry.1m";
    public static final String MAIL_RETRY_10M = "mail.retry.10m";
    public static final String MAIL_RETRY_1H = "mail.retry.1h";
    public static final String MAIL_RETRY_6H = "mail.retry.6h";
    /** Delivery outcomes per recipient. */
    public static final String MAIL_STATUS = "mail.status";
    /** Mailbox changes (exists, expunge, flags) read in full by every gateway instance for IDLE. */
    public static final String MAILBOX_EVENTS = "mailbox.events";
    /** Records that cannot be processed at all, with the reason; they never block a partition. */
    public static final String MAIL_DEADLETTER = "mail.deadletter";
    /** Compacted directory of domains and addresses, read in full by ingress and relay. */
    public static final String DIRECTORY_ADDRESSES = "directory.addresses";

    private static final List<String> RETRY_TIERS =
            List.of(MAIL_RETRY_1M, MAIL_RETRY_10M, MAIL_RETRY_1H, MAIL_RETRY_6H);

    private static final List<String> ALL = List.of(
            MAIL_ACCEPTED, MAIL_DELIVER,
            MAIL_RETRY_1M, MAIL_RETRY_10M, MAIL_RETRY_1H, MAIL_RETRY_6H,
            MAIL_STATUS, MAILBOX_EVENTS, MAIL_DEADLETTER, DIRECTORY_ADDRESSES);

    private Topics() {
    }

    /** Every topic, for provisioning (the launcher and the test broker create them all). */
    public static List<String> all() {
        return ALL;
    }

    /** The retry tiers, shortest delay first: a deferred message moves one tier right per failure. */
    public static List<String> retryTiers() {
        return RETRY_TIERS;
    }
}
