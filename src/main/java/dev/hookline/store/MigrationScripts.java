package dev.hookline.store;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The schema migrations, named here instead of found by classpath scanning: Flyway's scanner does not see inside a
 * WAR on every server (WildFly's VFS, flyway/flyway#3667), while a class loader resource by name works everywhere.
 * A new migration is a new file under {@code db/migration/} and a new line in {@link #NAMES};
 * {@code MigrationScriptsTest} fails when the two disagree.
 */
final class MigrationScripts implements ResourceProvider {

    static final String LOCATION = "db/migration/";
    static final List<String> NAMES = List.of(
            "V1__deliveries.sql",
            "V2__leases_and_ordering.sql",
            "V3__replays_keep_attempts.sql",
            "V4__seen_ids.sql",
            "V5__lines.sql",
            "V6__learned_secrets.sql");

    private final ClassLoader loader;

    MigrationScripts(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public LoadableResource getResource(String name) {
        String file = name.startsWith(LOCATION) ? name.substring(LOCATION.length()) : name;
        return NAMES.contains(file) ? new Script(file) : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return NAMES.stream()
                .filter(name -> name.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(name::endsWith))
                .<LoadableResource>map(Script::new)
                .toList();
    }

    private final class Script extends LoadableResource {
        private final String name;

        Script(String name) {
            this.name = name;
        }

        @Override
        public Reader read() {
            InputStream in = loader.getResourceAsStream(LOCATION + name);
            if (in == null) {
                throw new IllegalStateException("The migration " + LOCATION + name + " is not in the WAR");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return LOCATION + name;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return null;
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return LOCATION + name;
        }
    }
}
