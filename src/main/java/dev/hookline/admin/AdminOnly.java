package dev.hookline.admin;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** Marks the admin resources, whose requests must pass {@link AdminGate} first. */
@NameBinding
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface AdminOnly {
}
