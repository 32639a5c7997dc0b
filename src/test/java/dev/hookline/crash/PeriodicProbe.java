package dev.hookline.crash;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * GETs one URL every so often, as a load balancer's health check or a Prometheus scrape does, and keeps each answer's
 * status (-1: none within {@link #TIMEOUT}) and when it was asked and answered.
 */
final class PeriodicProbe {

    record Reading(int status, Instant asked, Instant answered) {

        Duration took() {
            return Duration.between(asked, answered);
        }
    }

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = PayaraMicro.http11();
    private final URI url;
    private final Duration every;
    private final ConcurrentLinkedQueue<Reading> readings = new ConcurrentLinkedQueue<>();
    private final Thread prober;
    private volatile boolean running;

    PeriodicProbe(URI url, Duration every) {
        this.url = url;
        this.every = every;
        this.prober = new Thread(this::probe, "probe " + url.getPath());
    }

    void start() {
        running = true;
        prober.start();
    }

    /** Stops probing and returns every reading, oldest first. */
    List<Reading> stop() throws InterruptedException {
        running = false;
        prober.join(TIMEOUT.plusSeconds(5).toMillis());
        return List.copyOf(readings);
    }

    private void probe() {
        while (running) {
            Instant asked = Instant.now();
            int status;
            try {
                status = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            readings.add(new Reading(status, asked, Instant.now()));
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
