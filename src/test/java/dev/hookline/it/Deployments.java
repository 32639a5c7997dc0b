package dev.hookline.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR that {@code mvn package} built, as tests deploy it, with a configuration of the test's own. */
final class Deployments {

    private Deployments() {
    }

    /**
     * The real WAR with the given {@code microprofile-config.properties} and extra test classes, and the tests' HTTP
     * client, which tests running in the server use as well.
     */
    static WebArchive hookline(String name, String configuration, Class<?>... testClasses) {
        WebArchive war = ShrinkWrap.create(ZipImporter.class, name + ".war")
                .importFrom(new File("target/hookline.war"))
                .as(WebArchive.class);
        war.addAsResource(new StringAsset(configuration), "META-INF/microprofile-config.properties");
        war.addClasses(testClasses);
        war.addClass(Http.class);
        return war;
    }
}
