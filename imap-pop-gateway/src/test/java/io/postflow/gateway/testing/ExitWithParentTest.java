package io.postflow.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The watchdog that ties mailbox-service to the test JVM. A JVM killed with -9 cannot run any
 * code, so what the kernel does then is reproduced here: the pipe to the watchdog's input is
 * closed (by a process that is itself killed with -9 in the second test).
 */
class ExitWithParentTest {

    @Test
    void childEndsWhenTheParentPipeCloses() throws Exception {
        Process watchdog = new ProcessBuilder(ExitWithParent.command(List.of("sleep", "300"))).start();
        ProcessHandle child = await().atMost(Duration.ofSeconds(10))
                .until(() -> watchdog.descendants().findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(child.info().command().orElse("")).endsWith("sleep");

        ExitWithParent.release(watchdog);

        await().atMost(Duration.ofSeconds(15)).until(() -> !child.isAlive() && !watchdog.isAlive());
    }

    @Test
    void childEndsWhenTheParentIsKilledWithSignal9() throws Exception {
        // The "parent": a shell that holds the only write end of the watchdog's input pipe.
        String script = "mkfifo \"$1\" && (/bin/sh -c \"$2\" exit-with-parent sleep 300 < \"$1\" &) && exec 3>\"$1\" && exec sleep 300";
        java.nio.file.Path fifo = java.nio.file.Files.createTempDirectory("ewp").resolve("pipe");
        String watchdogScript = ExitWithParent.command(List.of()).get(2);
        Process parent = new ProcessBuilder("/bin/sh", "-c", script, "parent", fifo.toString(), watchdogScript).start();
        ProcessHandle child = await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> List.of(a).equals(List.of("300"))).orElse(false))
                .filter(p -> p.parent().map(pp -> pp.info().arguments().map(a -> List.of(a).contains("exit-with-parent"))
                        .orElse(false)).orElse(false))
                .findFirst(), java.util.Optional::isPresent).orElseThrow();

        new ProcessBuilder("kill", "-9", Long.toString(parent.pid())).start().waitFor();

        await().atMost(Duration.ofSeconds(15)).until(() -> !child.isAlive());
    }
}
