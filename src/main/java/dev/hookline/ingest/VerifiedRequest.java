package dev.hookline.ingest;

import dev.hookline.source.Source;
import java.util.List;
import java.util.Map;

/**
 * What {@link SignatureFilter} hands the resource in one request property: the source it verified against, the raw
 * body it verified and the request's headers. The resource then takes no JAX-RS parameters at all: each one costs the
 * runtime a resolution on every request (docs/benchmarks.md, item 31).
 *
 * @param headers the request's headers as the JAX-RS runtime holds them (names case-insensitive)
 */
record VerifiedRequest(Source source, byte[] body, Map<String, List<String>> headers) {

    /** The request property that carries it. */
    static final String PROPERTY = "dev.hookline.ingest.verified-request";
}
