package dev.hookline.ingest;

import dev.hookline.problem.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Answers a delivery that could not be taken in: 400 when it cannot be read, 503 when it cannot be stored. */
public class IngestExceptionMapper implements ExceptionMapper<IngestException> {

    private static final Logger LOG = Logger.getLogger(IngestExceptionMapper.class.getName());
    /** Seconds a sender should wait before retrying; senders retry on their own schedule anyway. */
    static final String RETRY_AFTER_SECONDS = "5";

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(IngestException exception) {
        String instance = uri.getRequestUri().getRawPath();
        if (exception instanceof UnreadableDelivery) {
            return Problem.of("unreadable-delivery", "The delivery cannot be read", 400, exception.getMessage(),
                    instance).toResponse();
        }
        if (exception instanceof UnstorableDelivery) {
            LOG.log(Level.INFO, "The database refused a delivery's content; answered 422", exception.getCause());
            return Problem.of("unstorable-delivery", "The delivery cannot be stored", 422,
                    "The database refused this delivery's content. It was not stored.", instance).toResponse();
        }
        if (exception instanceof StorageUnavailable) {
            LOG.log(Level.WARNING, "Storing a delivery failed; answered 503", exception.getCause());
            return Problem.of("storage-unavailable", "The delivery could not be stored", 503,
                            "Hookline could not store the delivery. Retry later.", instance)
                    .toResponseBuilder().header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        throw new IllegalStateException("no answer for " + exception.getClass().getName(), exception);
    }
}
