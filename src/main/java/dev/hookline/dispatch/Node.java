package dev.hookline.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * This running instance, as named in the leases it holds: the JVM's {@code pid@host} for operators to recognise, and
 * a random part so that a restarted instance never mistakes its previous life's leases for its own.
 */
@ApplicationScoped
public class Node {

    private static final int MAX = 64;

    private final String id;

    public Node() {
        String random = UUID.randomUUID().toString().substring(0, 8);
        String jvm = ManagementFactory.getRuntimeMXBean().getName();
        String name = jvm.length() > MAX - 9 ? jvm.substring(0, MAX - 9) : jvm;
        this.id = name + "/" + random;
    }

    public String id() {
        return id;
    }
}
