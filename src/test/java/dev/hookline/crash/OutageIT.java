package dev.hookline.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookline.crash.PeriodicProbe.Reading;
import dev.hookline.crash.SteadyLoad.Answer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The database goes down under load, and comes back. One Hookline instance (Payara Micro, its PostgreSQL pool made by
 * {@code server-config/payara/render --micro} as shipped) takes a steady stream of signed deliveries from
 * {@value #SENDERS} senders. After {@link #STEADY} of 202s its database refuses new connections and every open one is
 * ended, as when the database host goes away, for {@link #OUTAGE}; then it lets them in again. This proves:
 * <ul>
 *   <li>while the database is down, every webhook is answered 503 with {@code Retry-After} and a problem+json body;
 *       in the whole run no answer is another 5xx, none is missing, and none is 2xx for a delivery not stored;</li>
 *   <li>while it is down, readiness answers DOWN and the metrics are scraped, each within {@link #PROBE_PATIENCE};
 *       readiness is UP again after;</li>
 *   <li>ingest recovers by itself, with no restart, within {@link #RECOVERY_BOUND} of the database's return, and then
 *       answers 202 again;</li>
 *   <li>every refused delivery, sent again as its sender would, is accepted: 202, or 200 when the 503 answered a
 *       commit whose outcome Hookline could not know;</li>
 *   <li>every acknowledged delivery ends {@code PROCESSED} exactly once, counted by a transactional observer's table
 *       without a unique key: dispatch lived through the outage and took up what it left.</li>
 * </ul>
 * The report, with the answers by phase and the recovery time, is written to {@code target/crash/outage-report.txt}.
 */
class OutageIT {

    static final String SOURCE = "outage";
    static final String SECRET = "outage-test-secret";
    static final int SENDERS = 4;
    /** Each sender's pause between deliveries: a steady stream that dispatch keeps up with. */
    static final Duration PAUSE = Duration.ofMillis(40);
    static final Duration STEADY = Duration.ofSeconds(5);
    static final Duration OUTAGE = Duration.ofSeconds(10);
    /** Requests in flight when the database goes down may still be answered 202: they had committed. */
    static final Duration GRACE = Duration.ofSeconds(2);
    static final Duration RECOVERY_BOUND = Duration.ofSeconds(30);
    /** How long the load goes on after the first 202 that follows the database's return. */
    static final Duration AFTER_RECOVERY = Duration.ofSeconds(5);
    /** The longest a health check or a scrape may take while the database is down: a probe's patience. */
    static final Duration PROBE_PATIENCE = Duration.ofSeconds(5);
    /** Fewer answers in a phase would leave it unproven; while down, it would mean requests wait instead of failing. */
    static final int MIN_ANSWERS_PER_PHASE = 50;
    /** Short, so that an attempt the outage cut off is taken up again soon after: its lease has to end first. */
    static final Duration LEASE = Duration.ofSeconds(10);
    static final String CONFIGURATION = String.join("\n",
            "hookline.sources=" + SOURCE,
            "hookline.source." + SOURCE + ".scheme=github",
            "hookline.source." + SOURCE + ".secrets=" + SECRET,
            "hookline.dispatch.lease=" + LEASE,
            "hookline.dispatch.poll-interval=PT0.5S",
            "");
    /** The server trusts local connections, but Payara refuses to connect without a password all the same. */
    static final String DB_PASSWORD = "trusted-locally";

    /**
     * Where an answer falls: answered before the cut; in the grace after it; later while the database was down;
     * after it came back, to a request sent before the first 202 since; to a request sent after that 202.
     */
    enum Phase { BEFORE, CUT, DOWN, RECOVERING, AFTER }

    /** When the database went down and came back, and when ingest answered 202 again ({@code null}: never). */
    record Timeline(Instant cut, Instant restored, Instant recovered) {

        Phase of(Answer answer) {
            Instant answered = answer.answered();
            if (answered.isBefore(cut)) {
                return Phase.BEFORE;
            }
            if (answered.isBefore(cut.plus(GRACE))) {
                return Phase.CUT;
            }
            if (!answered.isAfter(restored)) {
                return Phase.DOWN;
            }
            return recovered == null || answer.sent().isBefore(recovered) ? Phase.RECOVERING : Phase.AFTER;
        }
    }

    /** What happened: the timeline, and what the senders and the probes were answered. */
    record Outage(Timeline timeline, int connectionsEnded, List<Answer> answers, List<Reading> readiness,
                  List<Reading> scrapes) {
    }

    private final Path dir = Path.of("target", "crash").toAbsolutePath();
    private final PostgresCrashDatabase database = new PostgresCrashDatabase("hookline_outage");
    private PayaraMicro node;

    @Test
    void aDatabaseOutageUnderLoadIsAnswered503AndIngestRecoversByItself() throws Exception {
        Path lib = Path.of(System.getProperty("crash.lib", dir.resolve("lib").toString()));
        Path war = dir.resolve("hookline-outage.war");
        node = new PayaraMicro("outage-node", PayaraMicro.freePort(), dir, war, lib, SOURCE);
        node.deleteEarlierRuns();
        Path reportFile = dir.resolve("outage-report.txt");
        Files.deleteIfExists(reportFile);
        database.recreate();
        CrashWar.build(dir, war.getFileName().toString(), CONFIGURATION);
        node.start(shippedPostBoot(), Map.of("HOOKLINE_DB_PASSWORD", DB_PASSWORD));
        node.awaitReady(Duration.ofMinutes(4));
        SteadyLoad load = new SteadyLoad(node.webhooks(), SECRET, SENDERS, PAUSE);
        Outage outage = takeTheDatabaseDownUnder(load);
        Timeline timeline = outage.timeline();
        Instant restored = timeline.restored();
        List<Answer> answers = outage.answers();
        List<Reading> readinessReadings = outage.readiness();

        // What the senders were told, checked against the store before anything is sent again.
        Map<String, String> storedBeforeRetries = database.statuses();
        List<Answer> acknowledgedNotStored = answers.stream()
                .filter(a -> a.acknowledged() && !storedBeforeRetries.containsKey(a.delivery())).toList();
        List<Answer> refused = answers.stream().filter(a -> !a.acknowledged()).toList();
        List<Answer> refusedButStored = refused.stream().filter(a -> storedBeforeRetries.containsKey(a.delivery()))
                .toList();

        // Every refused delivery sent again, as its sender would: stored now (202), or found stored (200).
        Map<String, Integer> retries = retry(load, refused);
        List<String> wrongRetries = refused.stream()
                .filter(a -> !Objects.equals(retries.get(a.delivery()),
                        storedBeforeRetries.containsKey(a.delivery()) ? 200 : 202))
                .map(a -> a.delivery() + " -> " + retries.get(a.delivery())).toList();

        Set<String> all = answers.stream().map(Answer::delivery).collect(Collectors.toSet());
        Instant processingFrom = Instant.now();
        Set<String> unprocessed = awaitProcessed(all, Duration.ofMinutes(2));
        Duration processing = Duration.between(processingFrom, Instant.now());
        Map<String, String> statuses = database.statuses();
        Map<String, Integer> effects = database.effects();
        long duplicates = effects.values().stream().filter(count -> count > 1).count();
        long processedOnce = all.stream()
                .filter(d -> "PROCESSED".equals(statuses.get(d)) && effects.getOrDefault(d, 0) == 1).count();

        List<Answer> down = inPhase(answers, timeline, Phase.DOWN);
        List<Answer> downButNot503Problem = down.stream().filter(Predicate.not(OutageIT::isRetryLaterProblem))
                .toList();
        List<Answer> unexpected = answers.stream().filter(a -> a.status() != 202 && a.status() != 503).toList();
        List<Answer> beforeNot202 = inPhase(answers, timeline, Phase.BEFORE).stream().filter(a -> a.status() != 202)
                .toList();
        List<Answer> after = inPhase(answers, timeline, Phase.AFTER);
        List<Answer> afterNot202 = after.stream().filter(a -> a.status() != 202).toList();
        List<Reading> readinessDown = whileDown(readinessReadings, timeline);
        Optional<Reading> readyAgain = readinessReadings.stream()
                .filter(r -> r.asked().isAfter(restored) && r.status() == 200).findFirst();
        Reading lastReadiness = readinessReadings.isEmpty() ? null
                : readinessReadings.get(readinessReadings.size() - 1);
        List<Reading> scrapesDown = whileDown(outage.scrapes(), timeline);
        Optional<Duration> recovery = Optional.ofNullable(timeline.recovered())
                .map(recovered -> Duration.between(restored, recovered));

        String report = String.join("\n",
                "Outage test: one Payara Micro node (pool by server-config/payara/render --micro) on PostgreSQL, "
                        + SENDERS + " senders pausing " + PAUSE.toMillis() + " ms; database "
                        + database.name() + " down after " + STEADY.toSeconds() + " s of load (new connections"
                        + " refused, " + outage.connectionsEnded() + " open ones ended) for " + OUTAGE.toSeconds()
                        + " s, then back",
                "answers by phase (cut: answered in the first " + GRACE.toSeconds() + " s of the outage;"
                        + " recovering: answered after it, asked before the first 202 since; after: asked after"
                        + " that 202):",
                phaseTable(answers, timeline),
                "answers neither 202 nor 503 (another 5xx, 4xx, or none): " + unexpected.size(),
                "while down: " + down.size() + " answers, " + (down.size() - downButNot503Problem.size())
                        + " of them 503 with Retry-After and application/problem+json; slowest "
                        + down.stream().map(Answer::took).max(Duration::compareTo).orElse(Duration.ZERO).toMillis()
                        + " ms",
                "acknowledged (2xx) during the load: " + answers.stream().filter(Answer::acknowledged).count()
                        + ", of them not stored: " + acknowledgedNotStored.size(),
                "recovery: first 202 "
                        + recovery.map(took -> took.toMillis() + " ms")
                        .orElse("never (within " + RECOVERY_BOUND.toSeconds() + " s)")
                        + " after the database came back; then " + after.size() + " answers, "
                        + (after.size() - afterNot202.size()) + " of them 202",
                "readiness (/health/ready) while down: " + describe(readinessDown) + "; UP again "
                        + readyAgain.map(r -> Duration.between(restored, r.answered()).toMillis() + " ms")
                        .orElse("never") + " after the database came back",
                "metrics scrapes (/api/metrics) while down: " + describe(scrapesDown),
                "refused and sent again: " + refused.size() + "; answered " + countByStatus(retries.values())
                        + "; refused although stored (the commit's outcome unknown when answered): "
                        + refusedButStored.size() + (refusedButStored.isEmpty() ? "" : ", answered in phase "
                        + refusedButStored.stream().collect(Collectors.groupingBy(
                                a -> timeline.of(a).name().toLowerCase(), TreeMap::new, Collectors.counting()))),
                "stored by status: " + database.countsByStatus() + "; by attempts: " + database.countsByAttempts(),
                "effect rows: " + effects.values().stream().mapToInt(Integer::intValue).sum() + " for "
                        + effects.size() + " deliveries; deliveries with more than one: " + duplicates,
                "deliveries: " + all.size() + "; PROCESSED with exactly one effect row: " + processedOnce
                        + ", all of them " + processing.toMillis() + " ms after the last retry",
                "");
        Files.writeString(reportFile, report);
        System.out.print(report);

        assertTrue(unexpected.isEmpty(), "answers other than 202 and 503 (-1: none): " + sample(unexpected) + "\n" + report);
        assertTrue(acknowledgedNotStored.isEmpty(), "2xx for deliveries not stored: " + sample(acknowledgedNotStored)
                + "\n" + report);
        assertTrue(inPhase(answers, timeline, Phase.BEFORE).size() > 0 && beforeNot202.isEmpty(),
                "the load before the outage was not all 202: " + sample(beforeNot202) + "\n" + report);
        assertTrue(down.size() >= MIN_ANSWERS_PER_PHASE, "too few answers while the database was down: requests"
                + " wait instead of failing\n" + report);
        assertTrue(downButNot503Problem.isEmpty(), "while the database was down, answers that are not 503 with"
                + " Retry-After and problem+json: " + sample(downButNot503Problem) + "\n" + report);
        assertTrue(recovery.isPresent() && recovery.get().compareTo(RECOVERY_BOUND) < 0, "no 202 within " + RECOVERY_BOUND + " of the database's return\n"
                + report);
        assertTrue(after.size() >= MIN_ANSWERS_PER_PHASE && afterNot202.isEmpty(),
                "after recovery, answers other than 202: " + sample(afterNot202) + "\n" + report);
        assertTrue(!readinessDown.isEmpty() && readinessDown.stream().allMatch(r -> r.status() == 503
                && r.took().compareTo(PROBE_PATIENCE) < 0), "readiness was not DOWN, within " + PROBE_PATIENCE
                + ", while the database was\n" + report);
        assertTrue(lastReadiness != null && lastReadiness.status() == 200, "readiness not UP at the end: "
                + lastReadiness + "\n" + report);
        assertTrue(!scrapesDown.isEmpty() && scrapesDown.stream().allMatch(r -> r.status() == 200
                && r.took().compareTo(PROBE_PATIENCE) < 0), "metrics not scraped, within " + PROBE_PATIENCE
                + ", while the database was down\n" + report);
        assertTrue(wrongRetries.isEmpty(), "refused deliveries sent again, answered other than 202 (not stored)"
                + " or 200 (stored): " + wrongRetries.subList(0, Math.min(10, wrongRetries.size())) + "\n" + report);
        assertTrue(unprocessed.isEmpty(), unprocessed.size() + " deliveries not PROCESSED\n" + report);
        assertEquals(0, duplicates, report);
        assertEquals(all.size(), processedOnce, report);
        assertEquals(all.size(), effects.size(), "an effect for a delivery nobody sent\n" + report);
    }

    /**
     * Runs the load, with readiness probed and metrics scraped alongside: {@link #STEADY} with the database up, then
     * {@link #OUTAGE} with it down, then until the first 202 since it came back (at most {@link #RECOVERY_BOUND}) and
     * {@link #AFTER_RECOVERY} more.
     */
    private Outage takeTheDatabaseDownUnder(SteadyLoad load) throws Exception {
        PeriodicProbe readiness = new PeriodicProbe(node.readiness(), Duration.ofMillis(500));
        PeriodicProbe metrics = new PeriodicProbe(node.metrics(), Duration.ofSeconds(1));
        load.start();
        readiness.start();
        metrics.start();
        Thread.sleep(STEADY.toMillis());
        Instant cut = Instant.now();
        int connectionsEnded = database.goDown();
        Thread.sleep(OUTAGE.toMillis());
        database.comeBack();
        Instant restored = Instant.now();
        Optional<Answer> firstAccepted = load.awaitFirst(202, restored, RECOVERY_BOUND);
        if (firstAccepted.isPresent()) {
            Thread.sleep(AFTER_RECOVERY.toMillis());
        }
        Timeline timeline = new Timeline(cut, restored, firstAccepted.map(Answer::answered).orElse(null));
        return new Outage(timeline, connectionsEnded, load.stop(), readiness.stop(), metrics.stop());
    }

    @AfterEach
    void stopNodeAndLetTheDatabaseBack() throws Exception {
        if (node != null) {
            node.stop();
        }
        database.comeBack();
    }

    /**
     * The pool as shipped: {@code server-config/payara/render --micro} with only this machine's database. The database
     * password is a reference to {@code HOOKLINE_DB_PASSWORD}, which the node gets in its environment.
     */
    private Path shippedPostBoot() throws IOException, InterruptedException {
        Path properties = dir.resolve("outage-database.properties");
        Files.writeString(properties, String.join("\n",
                "db.host=" + PostgresCrashDatabase.HOST,
                "db.port=" + PostgresCrashDatabase.PORT,
                "db.name=" + database.name(),
                "db.user=" + PostgresCrashDatabase.USER,
                "db.password=" + DB_PASSWORD,
                ""));
        return ShippedPool.render(properties, dir.resolve("outage-post-boot.asadmin"), DB_PASSWORD);
    }

    /** Sends each refused delivery again, from as many senders as the load had. */
    private static Map<String, Integer> retry(SteadyLoad load, List<Answer> refused) throws InterruptedException {
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        for (Answer answer : refused) {
            senders.execute(() -> {
                try {
                    statuses.put(answer.delivery(), load.retry(answer.delivery()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        senders.shutdown();
        assertTrue(senders.awaitTermination(2, TimeUnit.MINUTES), "sending the refused deliveries again took over"
                + " two minutes");
        return statuses;
    }

    /** Waits until every delivery is processed, or the time is up; answers those that are not. */
    private Set<String> awaitProcessed(Set<String> deliveries, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Set<String> left = database.unfinished(deliveries);
        while (!left.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            left = database.unfinished(left);
        }
        return left;
    }

    /** The readings asked after the grace and answered before the database came back. */
    private static List<Reading> whileDown(List<Reading> readings, Timeline timeline) {
        return readings.stream().filter(r -> !r.asked().isBefore(timeline.cut().plus(GRACE))
                && !r.answered().isAfter(timeline.restored())).toList();
    }

    private static String describe(List<Reading> readings) {
        return readings.size() + " answered " + countByStatus(readings.stream().map(Reading::status).toList())
                + ", slowest " + readings.stream().map(Reading::took).max(Duration::compareTo).orElse(Duration.ZERO)
                .toMillis() + " ms";
    }

    private static boolean isRetryLaterProblem(Answer answer) {
        return answer.status() == 503 && answer.retryAfter() != null && answer.retryAfter().matches("[1-9][0-9]*")
                && answer.contentType() != null && answer.contentType().startsWith("application/problem+json");
    }

    private static List<Answer> inPhase(List<Answer> answers, Timeline timeline, Phase phase) {
        return answers.stream().filter(a -> timeline.of(a) == phase).toList();
    }

    private static String phaseTable(List<Answer> answers, Timeline timeline) {
        Map<Phase, List<Answer>> byPhase = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            byPhase.put(phase, new ArrayList<>());
        }
        answers.forEach(a -> byPhase.get(timeline.of(a)).add(a));
        return byPhase.entrySet().stream()
                .map(e -> String.format("  %-10s %5d answers: %s", e.getKey().name().toLowerCase(), e.getValue().size(),
                        countByStatus(e.getValue().stream().map(Answer::status).toList())))
                .collect(Collectors.joining("\n"));
    }

    private static Map<Integer, Long> countByStatus(Collection<Integer> statuses) {
        return statuses.stream().collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
    }

    private static String sample(List<Answer> answers) {
        return answers.size() + " " + answers.subList(0, Math.min(10, answers.size()));
    }
}
