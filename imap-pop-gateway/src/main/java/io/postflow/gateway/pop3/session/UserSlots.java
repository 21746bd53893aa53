package io.postflow.gateway.pop3.session;

/** Counts the connections of this instance per user (logins in progress and sessions). */
public interface UserSlots {

    boolean claim(String user);

    void release(String user);
}
