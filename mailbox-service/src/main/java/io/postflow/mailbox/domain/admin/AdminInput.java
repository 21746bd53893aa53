package io.postflow.mailbox.domain.admin;

import io.postflow.common.address.AddressException;
import io.postflow.common.address.Domain;
import io.postflow.common.address.MailAddress;

/**
 * Parses names given to the admin API with the shared address types. UTF-8 is allowed throughout
 * (RFC 6531): accounts and aliases may have internationalised local parts and domains.
 */
final class AdminInput {

    private AdminInput() {
    }

    static Domain domain(String text) {
        if (text == null) {
            throw AdminRejection.invalid("domain name is required");
        }
        try {
            return Domain.parse(text);
        } catch (AddressException e) {
            throw AdminRejection.invalid("invalid domain name: " + e.reason());
        }
    }

    /** An address of this platform's own: it must have a domain name, not an address literal. */
    static MailAddress localAddress(String text, String what) {
        MailAddress address = address(text, what);
        if (address.domain() == null) {
            throw AdminRejection.notLocal(what + " " + address + " has an address literal, not a local domain");
        }
        return address;
    }

    static MailAddress address(String text, String what) {
        if (text == null) {
            throw AdminRejection.invalid(what + " is required");
        }
        try {
            return MailAddress.parse(text, true);
        } catch (AddressException e) {
            throw AdminRejection.invalid("invalid " + what + ": " + e.reason());
        }
    }
}
