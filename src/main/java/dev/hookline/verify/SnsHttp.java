package dev.hookline.verify;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The one HTTP client that talks to SNS (its certificates, its subscription confirmations), made when first needed:
 * a deployment without an SNS source never starts its threads. Short timeouts; redirects are not followed, so a URL
 * checked to be SNS's is the one fetched.
 */
final class SnsHttp {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private SnsHttp() {
    }

    private static final class Holder {
        static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static HttpClient client() {
        return Holder.CLIENT;
    }
}
