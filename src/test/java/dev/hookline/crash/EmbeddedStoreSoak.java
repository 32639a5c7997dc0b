package dev.hookline.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The soak of the store a user gets without configuring one: {@code soak.deliveries} deliveries (2,000,000 unless
 * told) sent at full rate by 16 senders to Payara Micro on its own embedded database, each processed by an observer
 * that writes a row in the delivery's transaction; then {@code kill -9} and a restart on the same files. After the
 * restart every stored body must read to its end, every acknowledged delivery be stored and processed exactly once,
 * and a sample of them sent again be answered as duplicates. The database's file is measured when all are processed
 * and again after {@code soak.idle} (2 minutes unless told) without load. Not one of the CI's fault tests, for its
 * length: {@code bench/soak/run} runs it. The report goes to {@code target/crash/soak-report.txt}.
 */
class EmbeddedStoreSoak {

    static final String SECRET = "embedded-soak-secret";
    static final int SENDERS = 16;
    static final int RESENT_SAMPLE = 10_000;
    static final String CONFIGURATION = String.join("\n",
            "hookline.sources=soak",
            "hookline.source.soak.scheme=github",
            "hookline.source.soak.secrets=" + SECRET,
            "");

    private static final HttpClient HTTP = PayaraMicro.http11();

    private final Path dir = Path.of("target", "crash").toAbsolutePath();
    private final List<String> report = new ArrayList<>();
    private PayaraMicro node;

    @Test
    void everyAcknowledgedDeliveryIsStoredReadableAndProcessedOnce() throws Exception {
        long deliveries = Long.getLong("soak.deliveries", 2_000_000);
        Path war = dir.resolve("hookline-soak.war");
        Path lib = Path.of(System.getProperty("crash.lib", dir.resolve("lib").toString()));
        node = new PayaraMicro("soak", PayaraMicro.freePort(), dir, war, lib, "soak").keepingItsRoot();
        node.deleteEarlierRuns();
        CrashWar.build(dir, war.getFileName().toString(), CONFIGURATION, SoakObserver.class, SoakAudit.class);
        node.start(null);
        node.awaitBooted(Duration.ofMinutes(4));
        say("Soak of the embedded store: Payara Micro on its own embedded database, " + deliveries
                + " deliveries from " + SENDERS + " senders at full rate");

        Instant started = Instant.now();
        Map<Integer, Long> answers = send(deliveries);
        Duration sending = Duration.between(started, Instant.now());
        long acknowledged = answers.entrySet().stream().filter(a -> a.getKey() / 100 == 2)
                .mapToLong(Map.Entry::getValue).sum();
        say("sent in " + sending.toSeconds() + " s (" + acknowledged * 1000 / Math.max(1, sending.toMillis())
                + " acknowledged deliveries/s); answers by status: " + answers);
        Map<String, Long> settled = awaitSettled(acknowledged, Duration.ofMinutes(60));
        Duration processing = Duration.between(started, Instant.now());
        say("all processed " + processing.toSeconds() + " s after the first was sent ("
                + acknowledged * 1000 / Math.max(1, processing.toMillis()) + " deliveries/s end to end): " + settled);
        say("embedded database files when all were processed: " + databaseFiles());
        Duration idle = Duration.parse(System.getProperty("soak.idle", "PT2M"));
        Thread.sleep(idle.toMillis());
        say("embedded database files after " + idle.toSeconds() + " s without load (H2 compacts its file when idle): "
                + databaseFiles());

        node.kill();
        Instant restarted = Instant.now();
        node.start(null);
        node.awaitBooted(Duration.ofMinutes(10));
        say("killed with kill -9 and restarted on the same files: ready after "
                + Duration.between(restarted, Instant.now()).toSeconds() + " s");
        Map<String, Long> audit = audit(true);
        say("after the restart: " + audit);
        say("embedded database files after the restart: " + databaseFiles());
        Map<Integer, Long> again = resendSample(acknowledged);
        say("a random sample of " + RESENT_SAMPLE + " acknowledged deliveries sent again, by answer: " + again);
        long storeErrors = storeErrorsLogged();
        say("log lines of the embedded database's own errors (MVStoreException, \"Chunk\", \"corrupt\") in the node's"
                + " logs: " + storeErrors);
        Files.writeString(dir.resolve("soak-report.txt"), String.join("\n", report) + "\n");

        String summary = String.join("\n", report);
        assertEquals(deliveries, acknowledged, "every delivery acknowledged\n" + summary);
        assertEquals(acknowledged, audit.getOrDefault("status.PROCESSED", 0L), summary);
        assertEquals(acknowledged, audit.get("bodies.read"), summary);
        assertEquals(acknowledged, audit.get("effects"), summary);
        assertEquals(0L, audit.get("deliveries.with-more-than-one-effect"), summary);
        assertEquals(0L, audit.get("deliveries.without-effect"), summary);
        assertEquals(Map.of(200, (long) RESENT_SAMPLE), again, summary);
        assertEquals(0L, storeErrors, summary);
    }

    /** Sends deliveries {@code soak-0} to {@code soak-(count-1)}; answers how many got each status (-1: none). */
    private Map<Integer, Long> send(long count) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        Map<Integer, LongAdder> answers = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            Thread sender = new Thread(() -> {
                for (long n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                    String delivery = "soak-" + n;
                    int status = post(delivery);
                    answers.computeIfAbsent(status, s -> new LongAdder()).increment();
                    if (status / 100 != 2 && refused.size() < 20) {
                        refused.add(delivery + ": " + status);
                    }
                }
            }, "soak-sender-" + i);
            sender.start();
            senders.add(sender);
        }
        Instant started = Instant.now();
        while (senders.stream().anyMatch(Thread::isAlive)) {
            Thread.sleep(30_000);
            long sent = Math.min(next.get(), count);
            System.out.printf("soak: %d sent in %d s%n", sent, Duration.between(started, Instant.now()).toSeconds());
        }
        if (!refused.isEmpty()) {
            say("first refusals: " + refused);
        }
        Map<Integer, Long> counts = new HashMap<>();
        answers.forEach((status, n) -> counts.put(status, n.sum()));
        return counts;
    }

    private int post(String delivery) {
        try {
            return HTTP.send(GithubDelivery.post(node.webhooks(), SECRET, delivery, Duration.ofSeconds(20)),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private Map<String, Long> awaitSettled(long acknowledged, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Long> statuses = audit(false);
        while (statuses.getOrDefault("status.PROCESSED", 0L) < acknowledged && Instant.now().isBefore(deadline)) {
            System.out.println("soak: waiting for dispatch: " + statuses);
            Thread.sleep(10_000);
            statuses = audit(false);
        }
        assertTrue(Instant.now().isBefore(deadline), "not all processed in " + timeout + ": " + statuses);
        return statuses;
    }

    private Map<String, Long> audit(boolean full) throws Exception {
        URI audit = node.webhooks().resolve("/soak/audit" + (full ? "?full" : ""));
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(audit).timeout(Duration.ofMinutes(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        Map<String, Long> figures = new TreeMap<>();
        answer.body().lines().map(line -> line.split("=", 2))
                .forEach(pair -> figures.put(pair[0], Long.parseLong(pair[1])));
        return figures;
    }

    private Map<Integer, Long> resendSample(long acknowledged) {
        Random random = new Random(17);
        Map<Integer, Long> answers = new HashMap<>();
        for (int i = 0; i < RESENT_SAMPLE; i++) {
            answers.merge(post("soak-" + random.nextLong(acknowledged)), 1L, Long::sum);
        }
        return answers;
    }

    /** The embedded database's files under the node's root directory, with their sizes. */
    private Map<String, String> databaseFiles() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> tree = Files.walk(dir.resolve("soak-root-1"))) {
            for (Path file : tree.filter(p -> p.toString().endsWith(".db")).toList()) {
                files.put(file.getFileName().toString(), Files.size(file) / (1024 * 1024) + " MiB");
            }
        }
        return files;
    }

    private long storeErrorsLogged() throws IOException {
        long lines = 0;
        try (Stream<Path> logs = Files.list(dir)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().matches("soak-\\d+\\.log")).toList()) {
                try (Stream<String> text = Files.lines(log)) {
                    lines += text.filter(l -> l.contains("MVStoreException") || l.contains("Chunk ")
                            || l.toLowerCase().contains("corrupt")).count();
                }
            }
        }
        return lines;
    }

    private void say(String line) {
        report.add(line);
        System.out.println("soak: " + line);
    }

    @AfterEach
    void stopNode() throws InterruptedException {
        if (node != null) {
            node.stop();
        }
    }
}
