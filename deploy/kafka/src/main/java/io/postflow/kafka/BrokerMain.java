package io.postflow.kafka;

import java.io.IOException;

/**
 * Entry point of the broker JVM. With {@code --exit-with-parent} it stops the broker once its
 * standard input closes, which happens when the launching process dies for any reason, even
 * {@code kill -9}: a test JVM that crashes never leaves a broker behind.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) {
        int first = 0;
        if (args.length > 0 && args[0].equals("--exit-with-parent")) {
            first = 1;
            Thread watchdog = new Thread(BrokerMain::exitOnStdinEof, "parent-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }
        if (args.length != first + 1) {
            System.err.println("usage: BrokerMain [--exit-with-parent] server.properties");
            System.exit(2);
        }
        kafka.Kafka.main(new String[] {args[first]});
    }

    private static void exitOnStdinEof() {
        try {
            while (System.in.read() != -1) {
                // Nothing is ever written to us; only the end of the stream matters.
            }
        } catch (IOException ignored) {
            // A broken pipe means the same: the parent is gone.
        }
        // Runs Kafka's shutdown hook, so the log is closed cleanly.
        System.exit(0);
    }
}
