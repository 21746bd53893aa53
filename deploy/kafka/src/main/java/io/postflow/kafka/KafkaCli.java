package io.postflow.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * Command line used by mailctl and the deployment manifests:
 * <pre>
 *   start     --data DIR [--host H] [--port P] [--controller-port C] [--max-message-size N] [--heap 256m]
 *   stop      --data DIR
 *   provision --bootstrap HOST:PORT [--max-message-size N]
 *   ready     --bootstrap HOST:PORT
 * </pre>
 * Exit status 0 on success, 1 on failure, 2 on a usage error.
 */
public final class KafkaCli {

    private KafkaCli() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage("missing command");
        }
        Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
        int status = switch (args[0]) {
            case "start" -> start(options);
            case "stop" -> stop(options);
            case "provision" -> provision(required(options, "bootstrap"), maxMessageSize(options));
            case "ready" -> KafkaBroker.answers(required(options, "bootstrap")) ? 0 : 1;
            default -> usage("unknown command " + args[0]);
        };
        System.exit(status);
    }

    private static int start(Map<String, String> options) throws Exception {
        BrokerSettings settings = settings(options);
        if (KafkaBroker.runningPid(settings).isPresent() && KafkaBroker.answers(settings.bootstrapServers())) {
            System.out.println("kafka already running at " + settings.bootstrapServers());
        } else {
            long began = System.nanoTime();
            new KafkaBroker(settings).start(Duration.ofSeconds(90));
            System.out.printf("kafka ready at %s in %d ms (log %s)%n", settings.bootstrapServers(),
                    (System.nanoTime() - began) / 1_000_000, settings.brokerLog());
        }
        return provision(settings.bootstrapServers(), settings.maxMessageSize());
    }

    private static int stop(Map<String, String> options) throws InterruptedException {
        BrokerSettings settings = settings(options);
        if (KafkaBroker.runningPid(settings).isEmpty()) {
            System.out.println("kafka not running");
            return 0;
        }
        new KafkaBroker(settings).stop();
        System.out.println("kafka stopped");
        return 0;
    }

    private static int provision(String bootstrap, long maxMessageSize) throws InterruptedException {
        try (Admin admin = KafkaBroker.admin(bootstrap)) {
            List<String> created = new TopicProvisioner(admin).apply(TopicCatalog.load(maxMessageSize));
            System.out.println(created.isEmpty() ? "topics up to date" : "topics created: " + String.join(", ", created));
            return 0;
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    private static BrokerSettings settings(Map<String, String> options) {
        String heap = options.getOrDefault("heap", "256m");
        List<String> jvm = BrokerSettings.DEFAULT_JVM_OPTIONS.stream()
                .map(o -> o.startsWith("-Xmx") ? "-Xmx" + heap : o).toList();
        return new BrokerSettings(Path.of(required(options, "data")), options.getOrDefault("host", "127.0.0.1"),
                Integer.parseInt(options.getOrDefault("port", "9092")),
                Integer.parseInt(options.getOrDefault("controller-port", "9093")),
                jvm, maxMessageSize(options), false);
    }

    private static long maxMessageSize(Map<String, String> options) {
        return Long.parseLong(options.getOrDefault("max-message-size", Long.toString(TopicCatalog.DEFAULT_MAX_MESSAGE_SIZE)));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                usage("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            usage("--" + name + " is required");
        }
        return value;
    }

    private static int usage(String problem) {
        System.err.println("postflow-kafka: " + problem);
        System.err.println("usage: start --data DIR [--host H] [--port P] [--controller-port C] [--max-message-size N] [--heap 256m]");
        System.err.println("       stop --data DIR | provision --bootstrap HOST:PORT [--max-message-size N] | ready --bootstrap HOST:PORT");
        System.exit(2);
        return 2;
    }
}
