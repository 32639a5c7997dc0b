package dev.hookline.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Selects deliveries by event type, and optionally by source. {@code type} is an exact type ({@code invoice.paid}),
 * a family ({@code invoice.*}: every type that starts with {@code invoice.}) or {@code *} (every type); an empty
 * {@code source} means every source.
 *
 * <pre>{@code void paid(@Observes @WebhookEvent(source = "stripe", type = "invoice.paid") Webhook hook)}</pre>
 */
@Qualifier
@Retention(RUNTIME)
@Target({PARAMETER, FIELD, METHOD, TYPE})
public @interface WebhookEvent {

    String source() default "";

    String type();

    /** The qualifier as a value, for the dispatcher. */
    final class Literal extends AnnotationLiteral<WebhookEvent> implements WebhookEvent {

        private static final long serialVersionUID = 1L;

        private final String source;
        private final String type;

        public Literal(String source, String type) {
            this.source = source;
            this.type = type;
        }

        @Override
        public String source() {
            return source;
        }

        @Override
        public String type() {
            return type;
        }
    }
}
