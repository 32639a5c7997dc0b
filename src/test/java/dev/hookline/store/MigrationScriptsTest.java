package dev.hookline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.api.resource.LoadableResource;
import org.junit.jupiter.api.Test;

class MigrationScriptsTest {

    private final MigrationScripts scripts = new MigrationScripts(getClass().getClassLoader());

    @Test
    void everyMigrationFileIsListedAndNothingElse() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources", MigrationScripts.LOCATION))) {
            assertEquals(files.map(f -> f.getFileName().toString()).sorted().toList(),
                    MigrationScripts.NAMES.stream().sorted().toList());
        }
    }

    @Test
    void versionedScriptsAreFoundByPrefixAndReadFromTheClassPath() throws IOException {
        List<LoadableResource> found = List.copyOf(scripts.getResources("V", new String[] {".sql"}));
        assertEquals(MigrationScripts.NAMES.size(), found.size());
        for (LoadableResource script : found) {
            try (Reader reader = script.read()) {
                assertTrue(reader.read() > 0, script.getFilename() + " is empty");
            }
        }
        assertEquals(0, scripts.getResources("R", new String[] {".sql"}).size());
        assertEquals("V1__deliveries.sql", scripts.getResource("V1__deliveries.sql").getFilename());
    }
}
