package dev.hookline.crash;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One Payara Micro instance that a fault test starts, kills and restarts, logging to a file of its own. Its files in
 * the test's directory all start with its name.
 */
final class PayaraMicro {

    private static final HttpClient HTTP = http11();

    private final String name;
    private final int port;
    private final Path dir;
    private final Path war;
    private final Path lib;
    private final String source;
    private Process process;
    private int lives;
    private boolean keepsItsRoot;
    private Path javaHome = Path.of(System.getProperty("java.home"));
    private String microJar = "payara-micro.jar";

    /**
     * @param source the Hookline source that {@link #webhooks()} posts to
     */
    PayaraMicro(String name, int port, Path dir, Path war, Path lib, String source) {
        this.name = name;
        this.port = port;
        this.dir = dir;
        this.war = war;
        this.lib = lib;
        this.source = source;
    }

    /**
     * A client for the fault tests' requests to their nodes. HTTP/1.1, as the senders speak: Java's client otherwise
     * asks to upgrade to HTTP/2 (h2c), and Payara Micro's Grizzly once deadlocked two of its request threads in that
     * upgrade, so that the node never answered again.
     */
    static HttpClient http11() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    URI webhooks() {
        return URI.create("http://127.0.0.1:" + port + "/api/webhooks/" + source);
    }

    /** MicroProfile Health readiness, which Payara answers at the server's root. */
    URI readiness() {
        return URI.create("http://127.0.0.1:" + port + "/health/ready");
    }

    /** Hookline's Prometheus metrics. */
    URI metrics() {
        return URI.create("http://127.0.0.1:" + port + "/api/metrics");
    }

    /** Runs another Payara Micro, from {@code lib}, on another JDK: Payara 7 on Jakarta EE 11 wants Java 21 or later. */
    PayaraMicro runningOn(Path javaHome, String microJar) {
        this.javaHome = javaHome;
        this.microJar = microJar;
        return this;
    }

    /** Restarts on the same root directory, and so on the same embedded database files, as a server does. */
    PayaraMicro keepingItsRoot() {
        keepsItsRoot = true;
        return this;
    }

    long pid() {
        return process.pid();
    }

    /** The log of the current life. */
    Path log() {
        return dir.resolve(name + "-" + lives + ".log");
    }

    /**
     * A node's root directory keeps its domain.xml: a run must not start with the last run's pools. Deletes every
     * file and directory of this node's that an earlier run left.
     */
    void deleteEarlierRuns() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var entries = Files.list(dir)) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().startsWith(name + "-")).toList()) {
                try (var tree = Files.walk(entry)) {
                    for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    void start(Path postBoot) throws IOException {
        start(postBoot, Map.of());
    }

    /**
     * @param environment added to this JVM's environment: what MicroProfile Config and {@code ${ENV=...}} in the
     *                    post-boot commands read
     */
    void start(Path postBoot, Map<String, String> environment) throws IOException {
        lives++;
        Path root = dir.resolve(name + "-root-" + (keepsItsRoot ? 1 : lives));
        Files.createDirectories(root);
        List<String> command = new ArrayList<>(List.of(
                javaHome.resolve("bin").resolve("java").toString(), "-Xmx512m",
                "-jar", lib.resolve(microJar).toString(),
                "--nocluster", "--disablephonehome", "--port", String.valueOf(port), "--rootDir", root.toString(),
                "--addLibs", lib.resolve("postgresql.jar") + File.pathSeparator + lib.resolve("mariadb.jar"),
                "--deploy", war.toString(), "--contextroot", "/"));
        if (postBoot != null) {
            command.addAll(List.of("--postbootcommandfile", postBoot.toString()));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log().toFile());
        builder.environment().putAll(environment);
        process = builder.start();
    }

    /**
     * Waits until the WAR answers: an unsigned POST gets its 401. When it does not in time, the node's threads are
     * dumped beside its log, for whoever reads the failure.
     */
    void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String lastAnswer = "none";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see its log "
                        + log());
            }
            try {
                HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(webhooks())
                                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 401) {
                    return;
                }
                lastAnswer = "HTTP " + answer.statusCode();
            } catch (IOException e) {
                lastAnswer = e.toString(); // not listening yet
            }
            Thread.sleep(250);
        }
        Path threads = dumpThreads();
        throw new IllegalStateException(name + " on port " + port + " was not ready after " + timeout + " (last answer: "
                + lastAnswer + "); see its log " + log() + " and its threads " + threads);
    }

    /**
     * Waits until Payara Micro reports itself booted, then until the WAR answers. A node that keeps its root directory
     * first starts the WAR it had, then deploys the WAR again: only after the boot is the answer the new one's.
     */
    void awaitBooted(Duration timeout) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (!Files.readString(log()).contains(" ready in ")) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " did not boot in " + timeout + "; see its log " + log());
            }
            Thread.sleep(250);
        }
        awaitReady(Duration.between(Instant.now(), deadline));
    }

    /** Writes the JVM's thread dump (jcmd Thread.print) beside the current life's log; answers where. */
    private Path dumpThreads() throws InterruptedException {
        Path threads = dir.resolve(name + "-" + lives + "-threads.txt");
        try {
            new ProcessBuilder(javaHome.resolve("bin").resolve("jcmd").toString(),
                    String.valueOf(process.pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(threads.toFile()).start().waitFor();
        } catch (IOException e) {
            return Path.of("(no thread dump: " + e + ")");
        }
        return threads;
    }

    /** A TCP port that nothing listens on now, for a node to listen on. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** {@code kill -9}: no shutdown hook, no undeployment, connections cut. */
    void kill() throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-9", String.valueOf(process.pid())).start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -9 " + process.pid() + " exited with " + exit);
        }
        process.waitFor();
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
