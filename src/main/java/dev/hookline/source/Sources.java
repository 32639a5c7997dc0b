package dev.hookline.source;

import dev.hookline.platform.Started;
import dev.hookline.verify.LearnedSecrets;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The configured sources, read once from MicroProfile Config at start-up ({@code hookline.sources} and each
 * {@code hookline.source.<name>.*}). They are read while the application starts, so that a bad source stops the
 * deployment with the key to fix instead of failing the first request.
 */
@ApplicationScoped
public class Sources {

    private static final Logger LOG = Logger.getLogger(Sources.class.getName());

    @Inject
    Config config;

    @Inject
    Clock clock;

    /** Where secrets senders hand over in handshakes are kept: the store's. */
    @Inject
    LearnedSecrets learned;

    private Map<String, Source> byName = Map.of();

    @PostConstruct
    void read() {
        Map<String, Source> sources = readConfiguration();
        byName = Map.copyOf(sources);
        if (byName.isEmpty()) {
            LOG.warning("No webhook source is configured: set hookline.sources and hookline.source.<name>.*");
        } else {
            LOG.info(() -> "Webhook sources: " + String.join(", ", sources.keySet()));
        }
    }

    /**
     * Reads the configuration again as it is now, without applying it (sources are read once, at start-up): throws
     * what the next start would fail with. For the readiness check.
     */
    public void recheck() {
        readConfiguration();
    }

    private Map<String, Source> readConfiguration() {
        SourceReader reader = new SourceReader(config, clock, learned);
        String[] names = config.getOptionalValue("hookline.sources", String[].class).orElse(new String[0]);
        Map<String, Source> sources = new LinkedHashMap<>();
        Arrays.stream(names).map(String::trim).filter(n -> !n.isEmpty()).forEach(name -> {
            if (sources.put(name, reader.read(name)) != null) {
                throw new InvalidSourceConfiguration("hookline.sources: '" + name + "' is listed twice");
            }
        });
        return sources;
    }

    void readOnStart(@Observes Started started) {
        // Reading happened in @PostConstruct when this bean was created to observe the start.
    }

    /** The source of that name, or {@code null}. */
    public Source find(String name) {
        return name == null ? null : byName.get(name);
    }

    public Collection<Source> all() {
        return byName.values();
    }
}
