package io.postflow.ingress.domain;

import io.postflow.common.address.Domain;
import io.postflow.common.address.ForwardPath;
import io.postflow.common.address.MailAddress;
import io.postflow.common.directory.DirectoryView;
import io.postflow.common.directory.DirectoryView.Resolution;
import io.postflow.ingress.session.Identity;
import io.postflow.ingress.session.Replies;
import io.postflow.ingress.session.SmtpRejection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which recipients this server takes (the relay policy of the CONTRACT): local accounts, aliases
 * and postmaster from anyone; other domains only from authenticated senders. Unknown local users
 * are refused at RCPT (550 5.1.1) so no bounce is ever needed for them.
 */
@ApplicationScoped
public class RecipientPolicy {

    private final DirectoryView directory;

    public RecipientPolicy(DirectoryView directory) {
        this.directory = directory;
    }

    /**
     * Returns the recipient address for the envelope.
     *
     * @throws SmtpRejection 550 5.1.1, 550 5.7.1, or 451 4.3.0 while the directory is loading
     */
    public String accept(ForwardPath to, Identity identity, String serverName) {
        if (to instanceof ForwardPath.Mailbox mailbox) {
            return accept(mailbox.address(), identity);
        }
        // RFC 5321 §4.1.1.3 / §4.5.1: the bare <Postmaster> is always accepted, for this host.
        return to.toAddress(Domain.parse(serverName)).toString();
    }

    private String accept(MailAddress address, Identity identity) {
        if (!directory.loaded()) {
            throw new SmtpRejection(Replies.C451_DIRECTORY_NOT_LOADED); // never a false 550
        }
        Resolution resolution = directory.resolve(address);
        if (resolution instanceof Resolution.UnknownLocal) {
            throw new SmtpRejection(Replies.C550_NO_SUCH_USER.withText("No such user here: <" + address + ">"));
        }
        if (resolution instanceof Resolution.Remote && !identity.authenticated()) {
            throw new SmtpRejection(Replies.C550_RELAY_DENIED.withText("Relaying denied for <" + address + ">"));
        }
        return address.toString();
    }
}
