package dev.hookline.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookline.crash.SteadyLoad.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The store a user gets without configuring one, as the README's run command has it: Payara Micro's own embedded
 * database, under load from 16 senders, killed with {@code kill -9}, and restarted on the same files. Every delivery
 * answered 2xx before the kill must still be there: sent again, each is answered 200 as a duplicate, none 202 as new.
 * The report is written to {@code target/crash/embedded-report.txt}.
 */
class EmbeddedStoreCrashIT {

    static final String SECRET = "embedded-crash-secret";
    static final int SENDERS = 16;
    static final Duration LOAD = Duration.ofSeconds(8);
    static final String CONFIGURATION = String.join("\n",
            "hookline.sources=crash",
            "hookline.source.crash.scheme=github",
            "hookline.source.crash.secrets=" + SECRET,
            "");

    private final Path dir = Path.of("target", "crash").toAbsolutePath();
    private PayaraMicro node;

    @Test
    void noAcknowledgedDeliveryIsLostThroughAKill9() throws Exception {
        Path war = dir.resolve("hookline-embedded.war");
        Path lib = Path.of(System.getProperty("crash.lib", dir.resolve("lib").toString()));
        node = new PayaraMicro("embedded", PayaraMicro.freePort(), dir, war, lib, "crash").keepingItsRoot();
        node.deleteEarlierRuns();
        Files.deleteIfExists(dir.resolve("embedded-report.txt"));
        // The plain WAR: no observer of the test's, so deliveries end UNHANDLED; only their storing is in question.
        CrashWar.build(dir, war.getFileName().toString(), CONFIGURATION, new Class<?>[0]);
        node.start(null);
        node.awaitBooted(Duration.ofMinutes(4));

        SteadyLoad load = new SteadyLoad(node.webhooks(), SECRET, SENDERS, Duration.ZERO);
        load.start();
        Thread.sleep(LOAD.toMillis());
        node.kill();
        Instant killed = Instant.now();
        List<Answer> answers = load.stop();
        List<String> acknowledged = answers.stream().filter(Answer::acknowledged).map(Answer::delivery).toList();

        node.start(null);
        node.awaitBooted(Duration.ofMinutes(4));
        Map<String, Integer> again = resend(load, acknowledged);
        Map<Integer, Long> byStatus = again.values().stream()
                .collect(Collectors.groupingBy(status -> status, Collectors.counting()));
        long lost = byStatus.getOrDefault(202, 0L);
        String report = String.join("\n",
                "Embedded store crash test: Payara Micro on its own embedded database, " + SENDERS + " senders for "
                        + LOAD.toSeconds() + " s, killed with kill -9 at " + killed + ", restarted on the same files",
                "answers before the kill: " + answers.size() + ", acknowledged (2xx): " + acknowledged.size(),
                "acknowledged deliveries sent again after the restart, by answer: " + byStatus,
                "acknowledged but lost (answered 202 as new after the restart): " + lost,
                "");
        Files.writeString(dir.resolve("embedded-report.txt"), report);

        assertTrue(acknowledged.size() >= 200, "too little load to prove anything\n" + report);
        assertEquals(0, lost, report);
        assertEquals(acknowledged.size(), byStatus.getOrDefault(200, 0L), report);
    }

    /** Each acknowledged delivery posted once more, as its sender's retry would; answers its status. */
    private static Map<String, Integer> resend(SteadyLoad load, List<String> deliveries) throws InterruptedException {
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        for (String delivery : deliveries) {
            senders.execute(() -> {
                try {
                    statuses.put(delivery, load.retry(delivery));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        senders.shutdown();
        assertTrue(senders.awaitTermination(5, TimeUnit.MINUTES), "sending again took over five minutes");
        return statuses;
    }

    @AfterEach
    void stopNode() throws InterruptedException {
        if (node != null) {
            node.stop();
        }
    }
}
