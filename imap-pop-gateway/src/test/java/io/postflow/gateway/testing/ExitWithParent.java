package io.postflow.gateway.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Binds a child process's life to the test JVM's, the way the Kafka launcher's
 * {@code --exit-with-parent} does: the child runs under a small POSIX shell that holds a pipe from
 * this JVM as its standard input and kills the child when that pipe closes. The kernel closes it
 * whenever the JVM ends, even on {@code kill -9}, so no mailbox-service outlives a crashed test
 * run. {@link Process#destroy()} alone would not do: the JVM's shutdown hooks never run on SIGKILL.
 */
public final class ExitWithParent {

    /*
     * The pipe is kept as fd 3 (a background job of a non-interactive shell gets /dev/null as its
     * input unless redirected explicitly); the child gets /dev/null; `cat` waits for the end of the
     * pipe in the background, so the shell can still take the TERM trap meanwhile; then the child gets SIGTERM (a clean Quarkus
     * shutdown), and SIGKILL if it is still there 10 s later. The shell's own SIGTERM (destroy())
     * is trapped the same way.
     */
    private static final String WATCHDOG = """
            exec 3<&0
            "$@" </dev/null 3<&- &
            child=$!
            stop() { kill -TERM "$child" 2>/dev/null; n=0; while kill -0 "$child" 2>/dev/null && [ $n -lt 100 ]; do sleep 0.1; n=$((n+1)); done; kill -KILL "$child" 2>/dev/null; }
            trap 'stop; exit 0' TERM
            cat <&3 >/dev/null & watch=$!
            wait "$watch" 2>/dev/null
            stop
            wait "$child" 2>/dev/null""";

    private ExitWithParent() {
    }

    /** The command line that runs {@code command} under the watchdog. */
    public static List<String> command(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", WATCHDOG, "exit-with-parent"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Stops the child the way the JVM's death would: by closing the watchdog's input. */
    public static void release(Process watchdog) {
        try {
            watchdog.getOutputStream().close();
        } catch (java.io.IOException ignored) {
            // Already closed: the watchdog is stopping the child anyway.
        }
    }
}
