package dev.hookline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DeliveryRowsTest {

    @Test
    void everyColumnReadIsOneTheMigrationsCreateAndNoneIsLeftOut() throws IOException {
        List<String> columns = Arrays.stream(DeliveryRows.COLUMNS.split(",")).map(String::strip).toList();
        String migrations;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources", MigrationScripts.STANDARD.location()))) {
            migrations = files.sorted().map(DeliveryRowsTest::read).collect(Collectors.joining("\n"))
                    .toLowerCase(Locale.ROOT);
        }
        for (String column : columns) {
            assertTrue(migrations.matches("(?s).*\\b" + column + " (varchar|integer|bigint|timestamp|bytea).*"),
                    column);
        }
        // The table's columns: those of V1's CREATE TABLE and those later migrations add.
        String table = migrations.substring(migrations.indexOf("create table if not exists hookline_delivery ("));
        long createdColumns = table.substring(0, table.indexOf(");")).lines()
                .filter(line -> line.matches("\\s+\\w+ (varchar|integer|bigint|timestamp|bytea).*"))
                .count();
        long added = migrations.lines().filter(line -> line.startsWith("alter table hookline_delivery add column"))
                .count();
        long created = createdColumns + added;
        assertEquals(created, columns.size());
        assertEquals(columns.size(), columns.stream().distinct().count());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
