package dev.hookline.it;

import dev.hookline.api.Webhook;
import dev.hookline.api.WebhookSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * An observer that holds its delivery's transaction as long as the body says, deaf to interrupts as a JDBC or HTTP
 * call is, after it has told the test that it started: it appends the attempt's number to the file the body names.
 */
@ApplicationScoped
public class HoldingObservers {

    void hold(@Observes @WebhookSource("holding") Webhook hook) {
        JsonObject body = hook.json().asJsonObject();
        try {
            Files.writeString(Path.of(body.getString("started")), hook.attempt() + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(body.getInt("holdMillis"));
        boolean interrupted = false;
        for (long left; (left = end - System.nanoTime()) > 0; ) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
