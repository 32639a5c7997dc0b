package dev.hookline.crash;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The real WAR, as the build packaged it, with a test's configuration and the counting observer added. */
final class CrashWar {

    private CrashWar() {
    }

    /** The WAR with the counting observer. */
    static Path build(Path dir, String fileName, String configuration) throws IOException {
        return build(dir, fileName, configuration, CrashObserver.class);
    }

    /**
     * @param configuration the WAR's own {@code microprofile-config.properties}: the test's sources and dispatch
     * @param observers     the test's observers, added to the WAR
     * @return the WAR, written into {@code dir}
     */
    static Path build(Path dir, String fileName, String configuration, Class<?>... observers) throws IOException {
        Files.createDirectories(dir);
        WebArchive war = ShrinkWrap.create(ZipImporter.class, fileName)
                .importFrom(new File("target/hookline.war"))
                .as(WebArchive.class);
        war.addAsResource(new StringAsset(configuration), "META-INF/microprofile-config.properties");
        war.addClasses(observers);
        Path file = dir.resolve(fileName);
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        return file;
    }
}
