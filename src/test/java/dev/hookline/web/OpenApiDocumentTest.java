package dev.hookline.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The static OpenAPI document names every JAX-RS path Hookline serves: a new endpoint without it fails here. */
class OpenApiDocumentTest {

    @Test
    void everyResourcePathIsDocumented() throws Exception {
        String document = Files.readString(java.nio.file.Path.of("src/main/resources/META-INF/resources/openapi.yaml"));
        String root = "/" + HooklineApplication.class.getAnnotation(ApplicationPath.class).value();
        List<String> paths = resourcePaths(root);
        assertTrue(paths.size() >= 7, paths.toString());
        for (String path : paths) {
            assertTrue(document.contains("\n  " + path + ":\n"), path + " is not in openapi.yaml");
        }
    }

    private static List<String> resourcePaths(String root) throws IOException, ClassNotFoundException {
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
        List<String> paths = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, OpenApiDocumentTest.class.getClassLoader());
                Path base = type.getAnnotation(Path.class);
                if (base == null) {
                    continue;
                }
                String prefix = root + "/" + base.value();
                for (Method method : type.getDeclaredMethods()) {
                    Path sub = method.getAnnotation(Path.class);
                    String path = sub == null ? prefix : prefix + "/" + sub.value();
                    path = path.replaceAll("/+", "/");
                    if (!paths.contains(path) && isResourceMethod(method)) {
                        paths.add(path);
                    }
                }
            }
        }
        return paths;
    }

    private static boolean isResourceMethod(Method method) {
        return Stream.of(method.getAnnotations()).anyMatch(a -> a.annotationType()
                .isAnnotationPresent(jakarta.ws.rs.HttpMethod.class));
    }
}
