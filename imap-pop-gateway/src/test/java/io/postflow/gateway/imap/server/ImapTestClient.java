package io.postflow.gateway.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.postflow.gateway.testing.LineClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** A raw IMAP connection for transcript tests (see {@link LineClient}), which also reads up to a tagged answer. */
final class ImapTestClient extends LineClient {

    ImapTestClient(InetAddress host, int port) throws IOException {
        super(new Socket(host, port));
    }

    static ImapTestClient connect(int port) throws IOException {
        return new ImapTestClient(InetAddress.getLoopbackAddress(), port);
    }

    /** Lines up to and including the one starting with {@code tag + " "}. */
    List<String> until(String tag) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        do {
            line = line();
            assertThat(line).as("connection closed before the tagged response of " + tag + "; got " + lines).isNotNull();
            lines.add(line);
        } while (!line.startsWith(tag + " "));
        return lines;
    }
}
