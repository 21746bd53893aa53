package io.postflow.ingress.domain;

import io.postflow.common.address.MailAddress;
import io.postflow.common.address.ReversePath;
import io.postflow.common.directory.DirectoryView;
import io.postflow.common.directory.DirectoryView.Resolution;
import io.postflow.ingress.session.Identity;
import io.postflow.ingress.session.Replies;
import io.postflow.ingress.session.SmtpRejection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * An authenticated user sends only as itself or as an alias that delivers to it, so an account
 * cannot forge another user's address (RFC 6409 §6.1 lets the MSA enforce this). Unauthenticated
 * MX traffic is not checked here: the sender of inbound mail is the remote domain's business.
 */
@ApplicationScoped
public class SenderPolicy {

    private final DirectoryView directory;

    public SenderPolicy(DirectoryView directory) {
        this.directory = directory;
    }

    /** @throws SmtpRejection 553 5.7.1 when the authenticated user does not own {@code from} */
    public void check(ReversePath from, Identity identity) {
        if (!identity.authenticated()) {
            return;
        }
        String account = MailAddress.parse(identity.user().account(), true).key();
        if (from instanceof ReversePath.Mailbox mailbox && owns(mailbox.address(), account)) {
            return;
        }
        throw new SmtpRejection(Replies.C553_SENDER_NOT_OWNED.withText("Sender address " + from.path()
                + " not owned by " + identity.user().account()));
    }

    private boolean owns(MailAddress sender, String account) {
        if (sender.key().equals(account)) {
            return true;
        }
        return directory.resolve(sender) instanceof Resolution.LocalAlias alias && alias.targets().contains(account);
    }
}
