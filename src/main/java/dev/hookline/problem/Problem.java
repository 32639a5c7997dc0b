package dev.hookline.problem;

import dev.hookline.platform.JsonSupport;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringWriter;

/**
 * An RFC 9457 problem detail. The {@code type} is a stable URN per kind of problem, documented in
 * {@code docs/http.md}; {@code detail} says what was wrong with the request and never quotes a secret or an expected
 * signature.
 */
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");
    private static final String TYPE_PREFIX = "urn:hookline:problem:";

    public static Problem of(String kind, String title, int status, String detail, String instance) {
        return new Problem(TYPE_PREFIX + kind, title, status, detail, instance);
    }

    /** The 404 of a source name that no source has, wherever a path names one. */
    public static Problem unknownSource(String instance) {
        return of("unknown-source", "Unknown source", 404, "No webhook source of that name is configured.", instance);
    }

    public String toJson() {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JsonSupport.GENERATORS.createGenerator(out)) {
            json.writeStartObject()
                    .write("type", type)
                    .write("title", title)
                    .write("status", status);
            if (detail != null) {
                json.write("detail", detail);
            }
            if (instance != null) {
                json.write("instance", instance);
            }
            json.writeEnd();
        }
        return out.toString();
    }

    public Response.ResponseBuilder toResponseBuilder() {
        return Response.status(status).type(MEDIA_TYPE).entity(toJson());
    }

    public Response toResponse() {
        return toResponseBuilder().build();
    }
}
