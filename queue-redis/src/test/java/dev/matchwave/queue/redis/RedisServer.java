package dev.matchwave.queue.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real redis-server for the tests: one per test JVM, on a free port, in a temporary
 * directory, without persistence; stopped at exit. Needs {@code redis-server} on the PATH
 * (Debian's package; .ci/run installs it where it is missing).
 */
public final class RedisServer {

    private static RedisServer shared;

    private final int port;
    private final Process process;
    private final Path dir;

    private RedisServer(int port, Process process, Path dir) {
        this.port = port;
        this.process = process;
        this.dir = dir;
    }

    /**
     * The JVM's server, started on first use. Where {@code redis-server} is not installed the
     * calling test is skipped with a message saying so, so that {@code ./mvnw verify} runs on a
     * machine without it; on CI ({@code CI=true}, where .ci/run installs it) a missing server
     * fails the test instead of skipping it.
     */
    public static synchronized RedisServer shared() {
        if (shared == null && !"true".equals(System.getenv("CI"))) {
            org.junit.jupiter.api.Assumptions.assumeTrue(installed(), "redis-server is not installed here, so the"
                    + " Redis queue store's tests are skipped (apt-get install redis-server; .ci/run does it)");
        }
        if (shared == null) {
            shared = start();
            RedisServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "redis-server-stop"));
        }
        return shared;
    }

    /** Whether {@code redis-server} is an executable on the PATH. */
    static boolean installed() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "redis-server"))) {
                return true;
            }
        }
        return false;
    }

    private static RedisServer start() {
        try {
            Path dir = Files.createTempDirectory("matchwave-redis-");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Process process = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port),
                    "--bind", "127.0.0.1", "--dir", dir.toString(), "--save", "", "--appendonly", "no"))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile())
                    .start();
            awaitListening(port, process, dir);
            return new RedisServer(port, process, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start redis-server (install Debian's redis-server)", e);
        }
    }

    /** Polls the port until the server accepts (at most 10 s): a start-up wait, not a test's timing. */
    private static void awaitListening(int port, Process process, Path dir) throws IOException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited: " + Files.readString(dir.resolve("redis.log")));
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for redis-server", e);
                }
            }
        }
        process.destroyForcibly();
        throw new IOException("redis-server did not listen on port " + port + " within 10 s");
    }

    /** Its port on 127.0.0.1. */
    public int port() {
        return port;
    }

    void stop() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: it is under the temporary directory.
        }
    }
}
