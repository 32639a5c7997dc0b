package dev.hookline.crash;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Senders that each post new deliveries one after another, with a short pause, until stopped, as a busy provider
 * does; every answer is kept, with when it was asked and answered. A sender does not retry here: the test retries
 * what was refused once the load is over.
 */
final class SteadyLoad {

    /** One request and its answer; status -1 when there was none (connection refused, timed out). */
    record Answer(String delivery, int status, String retryAfter, String contentType, Instant sent,
                  Instant answered) {

        boolean acknowledged() {
            return status / 100 == 2;
        }

        Duration took() {
            return Duration.between(sent, answered);
        }
    }

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = PayaraMicro.http11();
    private final URI webhooks;
    private final String secret;
    private final Duration pause;
    private final List<Thread> senders = new ArrayList<>();
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private volatile boolean running;

    SteadyLoad(URI webhooks, String secret, int senders, Duration pause) {
        this.webhooks = webhooks;
        this.secret = secret;
        this.pause = pause;
        for (int i = 0; i < senders; i++) {
            String prefix = "outage-" + i + "-";
            this.senders.add(new Thread(() -> send(prefix), "sender-" + i));
        }
    }

    void start() {
        running = true;
        senders.forEach(Thread::start);
    }

    /** Stops sending, waits for the answers still owed, and returns every answer in the order they came. */
    List<Answer> stop() throws InterruptedException {
        running = false;
        for (Thread sender : senders) {
            sender.join(TIMEOUT.plusSeconds(5).toMillis());
        }
        return answers.stream().sorted(Comparator.comparing(Answer::answered)).toList();
    }

    /** Waits for the first answer with this status answered after {@code after}, for at most {@code timeout}. */
    Optional<Answer> awaitFirst(int status, Instant after, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Optional<Answer> first = answers.stream()
                    .filter(a -> a.status() == status && a.answered().isAfter(after))
                    .min(Comparator.comparing(Answer::answered));
            if (first.isPresent() || Instant.now().isAfter(deadline)) {
                return first;
            }
            Thread.sleep(20);
        }
    }

    /** Posts the delivery once and returns its status, as a sender's retry does; -1 when there was no answer. */
    int retry(String delivery) throws InterruptedException {
        return post(delivery).status();
    }

    private void send(String prefix) {
        for (int n = 0; running; n++) {
            try {
                answers.add(post(prefix + n));
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Answer post(String delivery) throws InterruptedException {
        Instant sent = Instant.now();
        try {
            HttpResponse<Void> response = http.send(GithubDelivery.post(webhooks, secret, delivery, TIMEOUT),
                    HttpResponse.BodyHandlers.discarding());
            return new Answer(delivery, response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(null), sent, Instant.now());
        } catch (IOException e) {
            return new Answer(delivery, -1, null, null, sent, Instant.now());
        }
    }
}
