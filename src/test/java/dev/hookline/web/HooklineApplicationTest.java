package dev.hookline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Hookline's JAX-RS classes are all listed by its application, and none but the guard is found by scanning: a new
 * resource left out would not be served, and a new {@code @Provider} would apply to the host application's own
 * resources.
 */
class HooklineApplicationTest {

    /** The servlet that the path guard and the login look for is the one the JAX-RS specification names. */
    @Test
    void theApiServletIsNamedAfterThisApplication() {
        assertEquals(HooklineApplication.class.getName(), dev.hookline.platform.ApiServlet.NAME);
    }

    private static final List<Class<?>> PROVIDER_TYPES = List.of(ContainerRequestFilter.class,
            ContainerResponseFilter.class, ExceptionMapper.class, MessageBodyReader.class, MessageBodyWriter.class,
            DynamicFeature.class);

    @Test
    void everyResourceIsListedAndGuarded() throws Exception {
        Set<Class<?>> resources = classes().stream().filter(type -> type.isAnnotationPresent(Path.class))
                .collect(Collectors.toSet());
        assertTrue(resources.size() >= 4, resources.toString());
        assertEquals(resources, HooklineApplication.RESOURCES);
        assertTrue(new HooklineApplication().getClasses().containsAll(resources));
    }

    @Test
    void everyProviderIsListedAndOnlyTheGuardIsScanned() throws Exception {
        Set<Class<?>> listed = new HooklineApplication().getClasses();
        int providers = 0;
        for (Class<?> type : classes()) {
            if (type == ForeignHooklineResources.class || type == ForeignHooklineResources.NotHere.class) {
                continue;
            }
            assertFalse(type.isAnnotationPresent(Provider.class), type + " would be found by a host's application");
            if (PROVIDER_TYPES.stream().anyMatch(p -> p.isAssignableFrom(type))
                    && !Modifier.isAbstract(type.getModifiers())) {
                assertTrue(listed.contains(type), type + " is not listed by HooklineApplication");
                providers++;
            }
        }
        assertTrue(providers >= 5, "providers found: " + providers);
        assertTrue(ForeignHooklineResources.class.isAnnotationPresent(Provider.class));
        assertFalse(listed.contains(ForeignHooklineResources.class));
    }

    private static List<Class<?>> classes() throws IOException, ClassNotFoundException {
        java.nio.file.Path root = java.nio.file.Path.of("target/classes");
        List<java.nio.file.Path> files;
        try (Stream<java.nio.file.Path> walk = Files.walk(root)) {
            files = walk.filter(f -> f.toString().endsWith(".class")).toList();
        }
        List<Class<?>> classes = new ArrayList<>();
        for (java.nio.file.Path file : files) {
            String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
            classes.add(Class.forName(name, false, HooklineApplicationTest.class.getClassLoader()));
        }
        return classes;
    }
}
