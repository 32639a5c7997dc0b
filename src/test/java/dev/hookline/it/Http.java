package dev.hookline.it;

import java.net.http.HttpClient;

/**
 * The tests' HTTP client. HTTP/1.1, as webhook senders speak: Java's client otherwise asks to upgrade each new
 * connection to HTTP/2 in clear text (h2c), and Grizzly's handling of that upgrade has ended a Payara Server response
 * early ("EOF reached while reading") and once deadlocked Payara Micro's request threads.
 */
final class Http {

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Http() {
    }
}
