package dev.hookline.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two Hookline nodes on one PostgreSQL database, polling every 0.2 s with a lease of 2 s, and an observer that takes
 * 5 s: while an attempt runs its node renews its lease, so the other node never takes the delivery over. Every
 * delivery is attempted once and observed once. The report goes to {@code target/crash/slow-report.txt}.
 */
class SlowObserverIT {

    /**
     * Three to each node: no more than a node attempts fresh deliveries at once, so that none waits in memory. One
     * that waited past half its lease would be left to the other node, rightly, and counted as a second attempt.
     */
    static final int DELIVERIES = 6;
    static final String SECRET = "slow-observer-secret";
    static final Duration LEASE = Duration.ofSeconds(2);
    static final Duration WORK = Duration.ofSeconds(5);
    static final String CONFIGURATION = String.join("\n",
            "hookline.sources=crash",
            "hookline.source.crash.scheme=github",
            "hookline.source.crash.secrets=" + SECRET,
            "hookline.dispatch.lease=" + LEASE,
            "hookline.dispatch.poll-interval=PT0.2S",
            "crash.observer.work=" + WORK,
            "");

    private static final HttpClient HTTP = PayaraMicro.http11();

    private final Path dir = Path.of("target", "crash").toAbsolutePath();
    private final CrashDatabase database = new PostgresCrashDatabase("hookline_slow");
    private final List<PayaraMicro> nodes = new ArrayList<>();

    @Test
    void anObserverSlowerThanTheLeaseRunsOnceAcrossTwoNodes() throws Exception {
        database.recreate();
        Path war = dir.resolve("hookline-slow.war");
        Path lib = Path.of(System.getProperty("crash.lib", dir.resolve("lib").toString()));
        PayaraMicro a = new PayaraMicro("slow-a", PayaraMicro.freePort(), dir, war, lib, "crash");
        PayaraMicro b = new PayaraMicro("slow-b", PayaraMicro.freePort(), dir, war, lib, "crash");
        nodes.add(a);
        nodes.add(b);
        for (PayaraMicro node : nodes) {
            node.deleteEarlierRuns();
        }
        CrashWar.build(dir, war.getFileName().toString(), CONFIGURATION);
        Path postBoot = database.postBoot(dir.resolve("slow-post-boot.asadmin"));
        a.start(postBoot);
        b.start(postBoot);
        a.awaitReady(Duration.ofMinutes(4));
        b.awaitReady(Duration.ofMinutes(4));

        Set<String> sent = new HashSet<>();
        for (int i = 0; i < DELIVERIES; i++) {
            String delivery = "slow-" + i + "-" + UUID.randomUUID();
            PayaraMicro node = i % 2 == 0 ? a : b;
            int status = HTTP.send(GithubDelivery.post(node.webhooks(), SECRET, delivery, Duration.ofSeconds(20)),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            assertEquals(202, status, delivery);
            sent.add(delivery);
        }
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!database.unfinished(sent).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }

        Map<String, String> statuses = database.statuses();
        Map<String, Integer> effects = database.effects();
        Map<String, String> attempts = database.countsByAttempts();
        String report = String.join("\n",
                "Slow observer test: " + DELIVERIES + " deliveries across two Payara Micro nodes on PostgreSQL, lease "
                        + LEASE + ", poll every 0.2 s, an observer that takes " + WORK,
                "stored by status: " + database.countsByStatus(),
                "stored by number of attempts: " + attempts,
                "effect rows: " + effects,
                "");
        Files.writeString(dir.resolve("slow-report.txt"), report);

        for (String delivery : sent) {
            assertEquals("PROCESSED", statuses.get(delivery), report);
            assertEquals(1, effects.getOrDefault(delivery, 0), report);
        }
        assertEquals(Map.of("1", String.valueOf(DELIVERIES)), attempts, "each delivery attempted once\n" + report);
    }

    @AfterEach
    void stopNodes() throws InterruptedException {
        for (PayaraMicro node : nodes) {
            node.stop();
        }
    }
}
