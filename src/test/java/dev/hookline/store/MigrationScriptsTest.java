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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each database's folder of migrations holds exactly the scripts its list names, all readable from the class path. */
class MigrationScriptsTest {

    static List<MigrationScripts.Folder> folders() {
        return List.of(MigrationScripts.STANDARD, MigrationScripts.MARIADB);
    }

    @ParameterizedTest
    @MethodSource("folders")
    void everyMigrationFileIsListedAndNothingElse(MigrationScripts.Folder folder) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources", folder.location()))) {
            assertEquals(files.map(f -> f.getFileName().toString()).sorted().toList(),
                    folder.names().stream().sorted().toList());
        }
    }

    @ParameterizedTest
    @MethodSource("folders")
    void versionedScriptsAreFoundByPrefixAndReadFromTheClassPath(MigrationScripts.Folder folder) throws IOException {
        MigrationScripts scripts = new MigrationScripts(getClass().getClassLoader(), folder);
        List<LoadableResource> found = List.copyOf(scripts.getResources("V", new String[] {".sql"}));
        assertEquals(folder.names().size(), found.size());
        for (LoadableResource script : found) {
            try (Reader reader = script.read()) {
                assertTrue(reader.read() > 0, script.getFilename() + " is empty");
            }
        }
        assertEquals(0, scripts.getResources("R", new String[] {".sql"}).size());
        String first = folder.names().get(0);
        assertEquals(first, scripts.getResource(first).getFilename());
    }
}
