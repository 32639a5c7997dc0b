package dev.hookline.ingest;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** Marks a resource method whose requests must pass {@link SignatureFilter} first. */
@NameBinding
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface Signed {
}
