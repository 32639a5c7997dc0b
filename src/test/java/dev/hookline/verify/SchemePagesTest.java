package dev.hookline.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every scheme has its page in docs/schemes/, and the index links it: a new scheme without them fails here. */
class SchemePagesTest {

    private static final Path PAGES = Path.of("docs", "schemes");

    @Test
    void everySchemeHasAPageLinkedFromTheIndex() throws IOException {
        String index = Files.readString(PAGES.resolve("README.md"));
        List<String> missing = Schemes.all().stream().map(Scheme::name)
                .filter(name -> !Files.isRegularFile(PAGES.resolve(name + ".md"))
                        || !index.contains("[`" + name + "`](" + name + ".md)"))
                .toList();
        assertEquals(List.of(), missing);
    }

    @Test
    void thereAreMoreNamedProvidersThanSvixIngestLists() {
        long providers = Schemes.all().stream().map(Scheme::name)
                .filter(name -> !List.of("hmac", "legacy-sha256", "basic-auth", "standard-webhooks").contains(name))
                .count();
        assertTrue(providers >= 45, providers + " named providers");
        assertEquals(58, Schemes.all().size());
    }
}
