package io.postflow.relay.routing;

/** Where one address of an expansion ends up. */
public sealed interface Destination {

    /** A final local account (canonical key): goes to {@code mail.deliver}. */
    record Local(String account) implements Destination {
    }

    /**
     * A mailbox elsewhere: goes to the MX hosts of {@code domain}.
     *
     * @param address the forward-path to use in {@code RCPT TO}
     * @param domain  the destination in ASCII form (A-label, or the address literal with brackets)
     */
    record Remote(String address, String domain) implements Destination {
    }

    /** The recipient cannot be routed now or ever ({@code status} says which: 4.x.x or 5.x.x). */
    record Unroutable(String status, String diagnostic) implements Destination {

        public boolean permanent() {
            return status.startsWith("5");
        }
    }
}
