package dev.hookline.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

/** Calls the deployed admin API over real HTTP, with or without Basic credentials. */
final class AdminClient {

    private static final HttpClient HTTP = Http.CLIENT;

    private final URL base;
    private final String authorization;

    private AdminClient(URL base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    static AdminClient as(URL base, String user, String password) {
        return new AdminClient(base, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(UTF_8)));
    }

    static AdminClient anonymous(URL base) {
        return new AdminClient(base, null);
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    /** A state-changing call as a script makes it: a JSON content type, which a cross-site form cannot send. */
    HttpResponse<String> post(String path) {
        return send(request(path, "Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
    }

    /** A DELETE as {@code curl -X DELETE} sends it: no body, no content type, no marker header. */
    HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    /** Any call, with a body of this text and these headers. */
    HttpResponse<String> send(String method, String path, String body, String... headers) {
        return send(request(path, headers).method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A POST as another site's form makes it: form-encoded, with whatever credentials the browser has cached. */
    HttpResponse<String> postAsForm(String path) {
        return send(request(path, "Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("x=1")));
    }

    /** GET that must answer 200 with a JSON object. */
    JsonObject json(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response);
    }

    static JsonObject parse(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
