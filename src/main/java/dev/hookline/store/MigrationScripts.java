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
 * A new migration is a new file in each database's folder ({@code db/migration/}, {@code db/migration-mariadb/}) and
 * a new line in its {@link Folder}; {@code MigrationScriptsTest} fails when they disagree.
 */
final class MigrationScripts implements ResourceProvider {

    /** One database's migrations: where they are, and their names in order. */
    record Folder(String location, List<String> names) {
    }

    /** H2 and PostgreSQL. */
    static final Folder STANDARD = new Folder("db/migration/", List.of(
            "V1__deliveries.sql",
            "V2__leases_and_ordering.sql",
            "V3__replays_keep_attempts.sql",
            "V4__seen_ids.sql",
            "V5__lines.sql",
            "V6__learned_secrets.sql"));
    /** MariaDB, which came at version 6: the schema of that version in one script, then the same versions as all. */
    static final Folder MARIADB = new Folder("db/migration-mariadb/", List.of(
            "V6__schema.sql"));

    private final ClassLoader loader;
    private final String location;
    private final List<String> names;

    MigrationScripts(ClassLoader loader, Folder folder) {
        this.loader = loader;
        this.location = folder.location();
        this.names = folder.names();
    }

    @Override
    public LoadableResource getResource(String name) {
        String file = name.startsWith(location) ? name.substring(location.length()) : name;
        return names.contains(file) ? new Script(file) : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return names.stream()
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
            InputStream in = loader.getResourceAsStream(location + name);
            if (in == null) {
                throw new IllegalStateException("The migration " + location + name + " is not in the WAR");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return location + name;
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
            return location + name;
        }
    }
}
