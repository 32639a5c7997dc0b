package dev.hookline.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two Hookline instances (Payara Micro) share one database, PostgreSQL in one run and MariaDB in the other. 1,000
 * signed deliveries are sent across both; one instance is killed with {@code kill -9} while it holds leases, and
 * restarted. Every delivery that was answered 2xx must end {@code PROCESSED} exactly once, as counted by a
 * transactional observer's table without a unique key. The report, with the takeover time of the killed node's
 * leases, is written to {@code target/crash/report-<database>.txt}.
 */
class CrashIT {

    static final int DELIVERIES = 1000;
    static final int KILL_AFTER = 400;
    static final int SENDERS = 8;
    static final String SECRET = "crash-test-secret";
    static final Duration LEASE = Duration.ofSeconds(10);
    static final String CONFIGURATION = String.join("\n",
            "hookline.sources=crash",
            "hookline.source.crash.scheme=github",
            "hookline.source.crash.secrets=" + SECRET,
            "hookline.dispatch.lease=" + LEASE,
            "hookline.dispatch.poll-interval=PT0.5S",
            "");

    private static final HttpClient HTTP = PayaraMicro.http11();

    private final Path dir = Path.of("target", "crash").toAbsolutePath();
    private final List<PayaraMicro> nodes = new ArrayList<>();

    static Stream<CrashDatabase> databases() {
        return Stream.of(new PostgresCrashDatabase("hookline_crash"), new MariaDbCrashDatabase("hookline_crash"));
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("databases")
    void everyAcknowledgedDeliveryIsProcessedExactlyOnceThroughAKill9AndARestart(CrashDatabase database)
            throws Exception {
        database.recreate();
        Path war = dir.resolve("hookline-crash.war");
        Path lib = Path.of(System.getProperty("crash.lib", dir.resolve("lib").toString()));
        // Ports free now rather than fixed ones, which something else on the machine may hold.
        String kind = database.kind();
        PayaraMicro a = new PayaraMicro(kind + "-node-a", PayaraMicro.freePort(), dir, war, lib, "crash");
        PayaraMicro b = new PayaraMicro(kind + "-node-b", PayaraMicro.freePort(), dir, war, lib, "crash");
        nodes.add(a);
        nodes.add(b);
        for (PayaraMicro node : nodes) {
            node.deleteEarlierRuns();
        }
        Path reportFile = dir.resolve("report-" + kind + ".txt");
        Files.deleteIfExists(reportFile);
        CrashWar.build(dir, war.getFileName().toString(), CONFIGURATION);
        Path postBoot = database.postBoot(dir.resolve(kind + "-post-boot.asadmin"));
        Map<String, String> environment = database.environment();
        a.start(postBoot, environment);
        b.start(postBoot, environment);
        a.awaitReady(Duration.ofMinutes(4));
        b.awaitReady(Duration.ofMinutes(4));

        Map<String, Integer> answers = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        Kill kill = new Kill(database);
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        for (int i = 0; i < DELIVERIES; i++) {
            int n = i;
            senders.execute(() -> {
                String delivery = "crash-" + n + "-" + UUID.randomUUID();
                // Like a load balancer: each delivery to its node, then to the other when that one does not answer.
                List<PayaraMicro> order = n % 2 == 0 ? List.of(a, b, a) : List.of(b, a, b);
                answers.put(delivery, sendTo(order, delivery));
                if (sent.incrementAndGet() == KILL_AFTER) {
                    kill.of(a);
                }
            });
        }
        senders.shutdown();
        assertTrue(senders.awaitTermination(5, TimeUnit.MINUTES), "sending took over five minutes");
        kill.await();
        a.start(postBoot, environment);

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        answers.forEach((delivery, status) -> {
            if (status / 100 == 2) {
                acknowledged.add(delivery);
            }
        });
        Instant takenOver = awaitProcessed(database, kill.orphans, Duration.ofMinutes(2));
        Instant allDone = awaitProcessed(database, acknowledged, Duration.ofMinutes(3));
        a.awaitReady(Duration.ofMinutes(4));
        Thread.sleep(2 * LEASE.toMillis());

        Map<String, String> statuses = database.statuses();
        Map<String, Integer> effects = database.effects();
        long duplicates = effects.values().stream().filter(count -> count > 1).count();
        long processedOnce = acknowledged.stream()
                .filter(d -> "PROCESSED".equals(statuses.get(d)) && effects.getOrDefault(d, 0) == 1).count();
        String report = String.join("\n",
                "Crash test: " + DELIVERIES + " deliveries, " + SENDERS + " senders, two Payara Micro nodes on"
                        + " " + kind + ", lease " + LEASE + ", node-a killed with kill -9 after " + KILL_AFTER
                        + " answers, then restarted",
                "answers: 202 " + count(answers, 202) + ", 200 (duplicate) " + count(answers, 200) + ", other "
                        + answers.values().stream().filter(s -> s / 100 != 2).count(),
                "acknowledged (2xx): " + acknowledged.size(),
                "stored by status: " + database.countsByStatus(),
                "effect rows: " + effects.values().stream().mapToInt(Integer::intValue).sum() + " for "
                        + effects.size() + " deliveries; deliveries with more than one: " + duplicates,
                "acknowledged and PROCESSED with exactly one effect row: " + processedOnce,
                "leases held by node-a when killed: " + kill.orphans.size(),
                "takeover: all of node-a's leased deliveries processed by node-b "
                        + Duration.between(kill.at, takenOver).toMillis() + " ms after the kill",
                "all acknowledged deliveries processed " + Duration.between(kill.at, allDone).toMillis()
                        + " ms after the kill",
                "");
        Files.writeString(reportFile, report);

        assertEquals(DELIVERIES, acknowledged.size(), report);
        assertTrue(kill.orphans.size() > 0, "node-a held no lease when killed, so nothing was taken over\n" + report);
        assertEquals(0, duplicates, report);
        assertEquals(acknowledged.size(), processedOnce, report);
        assertEquals(acknowledged.size(), effects.size(), "an effect for a delivery nobody acknowledged\n" + report);
    }

    @AfterEach
    void stopNodes() throws InterruptedException {
        for (PayaraMicro node : nodes) {
            node.stop();
        }
    }

    /** The kill of one node, once, and what it left leased. */
    private static final class Kill {
        private final CountDownLatch done = new CountDownLatch(1);
        private final CrashDatabase database;
        volatile Instant at;
        volatile Set<String> orphans = Set.of();

        Kill(CrashDatabase database) {
            this.database = database;
        }

        void of(PayaraMicro node) {
            try {
                long pid = node.pid();
                node.kill();
                at = Instant.now();
                orphans = database.leasedBy(pid);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                done.countDown();
            }
        }

        void await() throws InterruptedException {
            assertTrue(done.await(1, TimeUnit.MINUTES), "the kill never happened");
        }
    }

    private int sendTo(List<PayaraMicro> order, String delivery) {
        int status = -1;
        for (PayaraMicro node : order) {
            try {
                status = HTTP.send(GithubDelivery.post(node.webhooks(), SECRET, delivery, Duration.ofSeconds(20)),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    return status;
                }
            } catch (IOException e) {
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        return status;
    }

    private static Instant awaitProcessed(CrashDatabase database, Set<String> deliveries, Duration timeout)
            throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Set<String> left = database.unfinished(deliveries);
        while (!left.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            left = database.unfinished(left);
        }
        assertTrue(left.isEmpty(), left.size() + " deliveries not processed after " + timeout);
        return Instant.now();
    }

    private static long count(Map<String, Integer> answers, int status) {
        return answers.values().stream().filter(s -> s == status).count();
    }
}
