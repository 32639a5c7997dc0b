package dev.hookline.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The pool as Hookline ships it: {@code server-config/payara/render --micro}, run as an operator runs it. */
final class ShippedPool {

    private ShippedPool() {
    }

    /**
     * Renders the post-boot commands for the database of {@code properties} into {@code postBoot}, and checks that
     * they create the pool and refer to the password in the node's environment without holding it.
     *
     * @return {@code postBoot}
     */
    static Path render(Path properties, Path postBoot, String password) throws IOException, InterruptedException {
        Process render = new ProcessBuilder("server-config/payara/render", "--micro", properties.toString())
                .redirectOutput(postBoot.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        if (render.waitFor() != 0) {
            throw new IllegalStateException("server-config/payara/render --micro " + properties + " failed");
        }
        String commands = Files.readString(postBoot);
        if (!commands.contains("create-jdbc-connection-pool") || !commands.contains("${ENV=HOOKLINE_DB_PASSWORD}")
                || commands.contains(password)) {
            throw new IllegalStateException("not the pool expected, or the password in clear:\n" + commands);
        }
        return postBoot;
    }
}
