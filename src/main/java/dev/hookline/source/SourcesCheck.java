package dev.hookline.source;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import dev.hookline.verify.LearnedSecrets;
import java.time.Clock;
import java.util.Arrays;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Checks every configured source while the application is validated, and reports a bad one as a deployment problem:
 * that is the message every server shows the deployer (asadmin, the management API, the console), so it names the
 * key to fix. {@link Sources} reads the same configuration again for its own use.
 */
public class SourcesCheck implements Extension {

    void checkSources(@Observes AfterDeploymentValidation validation) {
        try {
            Config config = ConfigProvider.getConfig();
            SourceReader reader = new SourceReader(config, Clock.systemUTC(), LearnedSecrets.NONE);
            Arrays.stream(config.getOptionalValue("hookline.sources", String[].class).orElse(new String[0]))
                    .map(String::trim).filter(name -> !name.isEmpty()).forEach(reader::read);
        } catch (InvalidSourceConfiguration e) {
            validation.addDeploymentProblem(e);
        }
    }
}
