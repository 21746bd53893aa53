package io.postflow.common.address;

import java.util.Objects;

/** The argument of {@code RCPT TO}: a mailbox, or the bare {@code <Postmaster>} (RFC 5321 §4.1.1.3). */
public sealed interface ForwardPath permits ForwardPath.Postmaster, ForwardPath.Mailbox {

    /** The only bare postmaster path. */
    Postmaster POSTMASTER = new Postmaster();

    /** The path as written on the wire, brackets included. */
    String path();

    /**
     * The mailbox this path names; the bare postmaster is the postmaster of {@code serverDomain},
     * the domain of the host that received it.
     */
    MailAddress toAddress(Domain serverDomain);

    /** {@code <Postmaster>} without a domain: every SMTP server must accept it. */
    record Postmaster() implements ForwardPath {
        @Override
        public String path() {
            return "<Postmaster>";
        }

        @Override
        public MailAddress toAddress(Domain serverDomain) {
            return MailAddress.parse("postmaster@" + serverDomain.ascii());
        }
    }

    /** A recipient mailbox; any source route was dropped (RFC 5321 §4.1.2 / Appendix C). */
    record Mailbox(MailAddress address) implements ForwardPath {
        public Mailbox {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public String path() {
            return "<" + address + ">";
        }

        @Override
        public MailAddress toAddress(Domain serverDomain) {
            return address;
        }
    }
}
