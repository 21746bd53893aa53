package io.postflow.mailbox.api.internal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A password check on behalf of a client.
 *
 * @param address       the login name: the account's address
 * @param password      the password as the client sent it
 * @param clientAddress the client's IP address as the gateway saw it; failures are throttled per
 *                      (account, client address) pair, IPv6 per /64
 */
@Schema(name = "InternalLoginRequest")
public record LoginRequest(String address, @Schema(format = "password") String password, String clientAddress) {

    @Override
    public String toString() { // never the password, wherever a request ends up printed
        return "LoginRequest[address=" + address + ", clientAddress=" + clientAddress + "]";
    }
}
