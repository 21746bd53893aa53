package io.postflow.mailbox.api.internal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** SUBSCRIBE ({@code true}) or UNSUBSCRIBE ({@code false}). */
@Schema(name = "InternalSubscription")
public record SubscriptionRequest(@Schema(required = true) Boolean subscribed) {
}
