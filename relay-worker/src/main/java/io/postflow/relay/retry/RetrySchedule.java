package io.postflow.relay.retry;

import io.postflow.common.record.Topics;
import io.postflow.relay.config.RelayConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The retry plan: which tier topic the n-th temporary failure waits in, each tier's fixed delay,
 * the queue lifetime and the delay-notice age. Every record of a tier waits the same time, so a
 * tier partition is in due order and only its head needs checking.
 */
public final class RetrySchedule {

    private final Map<String, Duration> delays = new LinkedHashMap<>();
    private final List<String> schedule;
    private final Duration lifetime;
    private final Duration delayNotice;

    public RetrySchedule(List<Duration> tierDelays, List<String> schedule, Duration lifetime, Duration delayNotice) {
        List<String> tiers = Topics.retryTiers();
        if (tierDelays.size() != tiers.size()) {
            throw new IllegalArgumentException("postflow.relay.retry.tier-delays needs " + tiers.size()
                    + " durations, one per tier " + tiers + "; got " + tierDelays.size());
        }
        for (int i = 0; i < tiers.size(); i++) {
            if (tierDelays.get(i).isNegative()) {
                throw new IllegalArgumentException("negative retry delay for " + tiers.get(i));
            }
            delays.put(tiers.get(i), tierDelays.get(i));
        }
        if (schedule.isEmpty()) {
            throw new IllegalArgumentException("postflow.relay.retry.schedule must name at least one tier");
        }
        this.schedule = schedule.stream().map(RetrySchedule::topicOf).toList();
        this.lifetime = lifetime;
        this.delayNotice = delayNotice;
    }

    public static RetrySchedule of(RelayConfig.Retry config) {
        return new RetrySchedule(config.tierDelays(), config.schedule(), config.lifetime(), config.delayNotice());
    }

    private static String topicOf(String suffix) {
        String topic = "mail.retry." + suffix.trim();
        if (!Topics.retryTiers().contains(topic)) {
            throw new IllegalArgumentException("unknown retry tier '" + suffix + "' in postflow.relay.retry.schedule; use one of "
                    + Topics.retryTiers().stream().map(t -> t.substring("mail.retry.".length())).toList());
        }
        return topic;
    }

    /** The tier of the {@code attempt}-th temporary failure (1 = the first); the last tier repeats. */
    public String tierFor(int attempt) {
        return schedule.get(Math.max(0, Math.min(attempt, schedule.size()) - 1));
    }

    public Duration delayOf(String tier) {
        Duration delay = delays.get(tier);
        if (delay == null) {
            throw new IllegalArgumentException("not a retry tier: " + tier);
        }
        return delay;
    }

    /** When a record written to {@code tier} at {@code writtenAt} becomes due. */
    public Instant dueAt(String tier, Instant writtenAt) {
        return writtenAt.plus(delayOf(tier));
    }

    /** The end of the queue lifetime of a message received at {@code receivedAt} (Will-Retry-Until). */
    public Instant expiresAt(Instant receivedAt) {
        return receivedAt.plus(lifetime);
    }

    public boolean expired(Instant receivedAt, Instant now) {
        return !now.isBefore(expiresAt(receivedAt));
    }

    /** True once a message is old enough for its "delayed" DSN. */
    public boolean delayNoticeDue(Instant receivedAt, Instant now) {
        return !now.isBefore(receivedAt.plus(delayNotice));
    }

    public List<String> tiers() {
        return List.copyOf(delays.keySet());
    }
}
