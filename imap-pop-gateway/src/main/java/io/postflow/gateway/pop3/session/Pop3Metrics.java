package io.postflow.gateway.pop3.session;

/** What the POP3 sessions report; the server package counts it with Micrometer. */
public interface Pop3Metrics {

    void sessionOpened(boolean implicitTls);

    void command(String keyword, boolean ok);

    void authFailure();

    void retrieved(long octets);

    void deleted(int messages);
}
