package dev.hookline.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;

/**
 * The certificates Amazon SNS signs with, fetched only from SNS's own hosts over HTTPS, checked to be current and
 * issued to {@code sns.amazonaws.com}, and kept: SNS signs with few certificates, so each is fetched once.
 */
final class SnsCertificates {

    /** SNS's endpoints in every partition: {@code sns.<region>.amazonaws.com} and the China regions' {@code .com.cn}. */
    static final Pattern SNS_HOST = Pattern.compile("sns\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?");
    private static final String SUBJECT_NAME = "sns.amazonaws.com";
    private static final int MAX_CACHED = 64;
    private static final int MAX_CERTIFICATE = 16 * 1024;

    private final Function<URI, byte[]> fetch;
    private final Map<URI, X509Certificate> cache = new ConcurrentHashMap<>();

    SnsCertificates(Function<URI, byte[]> fetch) {
        this.fetch = fetch;
    }

    /** Fetches over HTTPS with short timeouts and a size cap. */
    static SnsCertificates overHttps() {
        return new SnsCertificates(uri -> {
            try {
                HttpResponse<InputStream> response = SnsHttp.client().send(HttpRequest.newBuilder(uri)
                        .timeout(SnsHttp.TIMEOUT).build(), HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = response.body()) {
                    if (response.statusCode() != 200) {
                        return null;
                    }
                    byte[] pem = in.readNBytes(MAX_CERTIFICATE + 1);
                    return pem.length > MAX_CERTIFICATE ? null : pem;
                }
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        });
    }

    /** Whether a URL is one SNS itself serves: HTTPS, on an SNS host, no other port, no user information. */
    static boolean isSnsUrl(URI uri) {
        return "https".equals(uri.getScheme()) && uri.getHost() != null && SNS_HOST.matcher(uri.getHost()).matches()
                && uri.getPort() == -1 && uri.getRawUserInfo() == null;
    }

    X509Certificate certificate(String url) throws SignatureRejected {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw SignatureRejected.malformed("SigningCertURL is not a URL");
        }
        if (!isSnsUrl(uri) || uri.getPath() == null || !uri.getPath().endsWith(".pem")) {
            throw SignatureRejected.malformed("SigningCertURL is not an https://sns.<region>.amazonaws.com/….pem URL");
        }
        X509Certificate certificate = cache.get(uri);
        if (certificate == null) {
            certificate = load(uri);
            if (cache.size() < MAX_CACHED) {
                cache.put(uri, certificate);
            }
        }
        try {
            certificate.checkValidity();
        } catch (CertificateException e) {
            cache.remove(uri);
            throw SignatureRejected.malformed("the SNS signing certificate is not valid now");
        }
        return certificate;
    }

    private X509Certificate load(URI uri) throws SignatureRejected {
        byte[] pem = fetch.apply(uri);
        if (pem == null) {
            throw SignatureRejected.malformed("the SNS signing certificate could not be fetched");
        }
        X509Certificate certificate;
        try {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem));
        } catch (CertificateException | ClassCastException e) {
            throw SignatureRejected.malformed("the SNS signing certificate does not parse");
        }
        if (!SUBJECT_NAME.equals(commonName(certificate.getSubjectX500Principal()))) {
            throw SignatureRejected.malformed("the signing certificate is not issued to " + SUBJECT_NAME);
        }
        return certificate;
    }

    private static String commonName(X500Principal principal) {
        for (String part : principal.getName(X500Principal.RFC2253).split(",")) {
            if (part.startsWith("CN=")) {
                return part.substring(3);
            }
        }
        return null;
    }
}
