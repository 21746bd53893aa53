package io.postflow.gateway.pop3.session;

import io.vertx.core.Future;

/** The lease calls a session makes on its own (renewal and release); the maildrop client implements them. */
public interface MaildropLeases {

    Future<Void> renew(String account, String lease);

    Future<Void> release(String account, String lease);
}
