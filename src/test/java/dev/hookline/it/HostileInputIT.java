package dev.hookline.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.InputStream;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hostile-input corpus ({@code hostile/corpus.json}) against the deployed server: every case gets the documented
 * client error as problem+json, nothing is stored, no answer and no log line holds a secret, and a good delivery is
 * still accepted afterwards.
 */
@ExtendWith(ArquillianExtension.class)
class HostileInputIT {

    /** The sources of the handshake and public-key cases, besides every scheme's source of {@link Signers}. */
    private static final Map<String, String> HOSTILE_SECRETS = Map.of(
            "hostile-meta", "hostile-meta-secret",
            "hostile-x", "hostile-x-secret",
            "hostile-dropbox", "hostile-dropbox-secret",
            "hostile-okta", "Bearer hostile-okta-secret",
            "hostile-graph", "hostile-client-state");
    private static final String HOSTILE_SOURCES = String.join("\n",
            "hookline.sources=" + String.join(",", Signers.SECRETS.keySet())
                    + ",hostile-meta,hostile-x,hostile-dropbox,hostile-okta,hostile-graph,hostile-discord,"
                    + "hostile-sendgrid,hostile-sns",
            "hookline.source.hostile-meta.scheme=meta",
            "hookline.source.hostile-meta.verify-token=hostile-verify-token",
            "hookline.source.hostile-x.scheme=x",
            "hookline.source.hostile-dropbox.scheme=dropbox",
            "hookline.source.hostile-okta.scheme=okta",
            "hookline.source.hostile-graph.scheme=microsoft-graph",
            "hookline.source.hostile-discord.scheme=discord",
            "hookline.source.hostile-discord.secrets=80a8c61d378d4347ec99a5af0ad12c671b50159c55d18d3e6edbaa4b2f8ff902",
            "hookline.source.hostile-sendgrid.scheme=sendgrid",
            "hookline.source.hostile-sendgrid.secrets=MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEfFS9zxRrbCh/lCdxNqRhqDm2CqjnNu8vhaCgp4Ajxw+Hn7Mmkjva1n9HPUWDAeeFepKj8v0lmowbgMkq6m5qbA==",
            "hookline.source.hostile-sns.scheme=aws-sns",
            "hookline.source.hostile-sns.aws-sns.topic-arns=arn:aws:sns:eu-west-1:123456789012:hostile",
            "") + HOSTILE_SECRETS.entrySet().stream()
            .map(e -> "hookline.source." + e.getKey() + ".secrets=" + e.getValue() + "\n")
            .collect(java.util.stream.Collectors.joining());

    @Deployment
    static WebArchive deployment() {
        return Deployments.hookline("hostile", Signers.CONFIGURATION + "hookline.source.hmac.max-body=4096\n"
                        + HOSTILE_SOURCES,
                Signers.class, Signers.Signer.class, Sender.class, Sender.Post.class, RawHttp.class,
                RawHttp.Answer.class, StoredDeliveries.class, LogCapture.class)
                .addAsResource("hostile/corpus.json");
    }

    @ArquillianResource
    URL base;

    @Inject
    StoredDeliveries store;

    @Test
    void everyHostileRequestIsRefusedAndNothingIsStored() throws Exception {
        List<String> failures = new ArrayList<>();
        List<String> logLines;
        int cases;
        try (LogCapture logs = new LogCapture()) {
            JsonArray corpus = corpus();
            cases = corpus.size();
            for (JsonObject hostile : corpus.getValuesAs(JsonObject.class)) {
                long before = store.count();
                String name = hostile.getString("name");
                RawHttp.Answer answer;
                try {
                    answer = send(hostile);
                } catch (Exception e) {
                    failures.add(name + ": " + e);
                    continue;
                }
                check(hostile, answer).ifPresent(problem -> failures.add(name + ": " + problem));
                if (store.count() != before) {
                    failures.add(name + ": a delivery was stored");
                }
            }
            logLines = List.copyOf(logs.lines());
        }
        assertTrue(cases >= 60, "the corpus has " + cases + " cases");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        for (String line : logLines) {
            allSecrets().forEach(secret -> assertFalse(line.contains(secret), "a log line holds a secret: " + line));
        }
        assertEquals(202, Signers.signed(new Sender(base), "github", UUID.randomUUID().toString(), now(),
                Signers.SECRETS.get("github")[0]).send().statusCode(), "the server still accepts good deliveries");
    }

    private static java.util.Optional<String> check(JsonObject hostile, RawHttp.Answer answer) {
        String expect = hostile.get("expect").toString().replace("\"", "");
        int status = answer.status();
        if (status == -1) {
            return expect.equals("4xx-or-closed") ? java.util.Optional.empty()
                    : java.util.Optional.of("the connection closed without an answer");
        }
        if (status >= 500) {
            return java.util.Optional.of("answered " + status + " " + answer.body());
        }
        boolean statusOk = expect.startsWith("4xx") ? status >= 400 && status < 500
                : status == Integer.parseInt(expect);
        if (!statusOk) {
            return java.util.Optional.of("expected " + expect + ", answered " + status + " " + answer.body());
        }
        for (String secret : allSecrets()) {
            if (answer.body().contains(secret)) {
                return java.util.Optional.of("the answer holds a secret");
            }
        }
        if (hostile.containsKey("problem")) {
            String type = answer.header("content-type");
            if (type == null || !type.startsWith("application/problem+json")) {
                return java.util.Optional.of("answered " + type + " instead of problem+json");
            }
            if (!answer.body().contains("urn:hookline:problem:" + hostile.getString("problem"))) {
                return java.util.Optional.of("answered " + answer.body());
            }
        }
        return java.util.Optional.empty();
    }

    /** Builds the request the case describes: signed as its scheme's source when it says so, then changed. */
    private RawHttp.Answer send(JsonObject hostile) throws Exception {
        String method = hostile.getString("method", "POST");
        String path;
        List<String[]> headers = new ArrayList<>();
        byte[] body;
        if (hostile.containsKey("sign")) {
            String scheme = hostile.getString("sign");
            String id = UUID.randomUUID().toString();
            long ts = now() + (hostile.containsKey("ts") ? hostile.getJsonNumber("ts").longValue() : 0);
            String secret = hostile.getString("secret", Signers.SECRETS.get(scheme)[0]);
            Sender.Post post = unsignedBody(hostile).map(bytes -> Signers.signed(new Sender(base).to(scheme)
                    .body(bytes), scheme, id, ts, secret))
                    .orElseGet(() -> Signers.signed(new Sender(base), scheme, id, ts, secret));
            path = "/" + base.getPath().replaceAll("^/|/$", "") + "/api/webhooks/" + scheme;
            headers.add(new String[] {"Content-Type", post.contentType()});
            post.headers().forEach((name, value) -> headers.add(new String[] {name, value}));
            body = post.bodyBytes();
        } else {
            path = "/" + base.getPath().replaceAll("^/|/$", "") + hostile.getString("path");
            hostile.getJsonObject("headers").forEach((name, value) ->
                    headers.add(new String[] {name, ((JsonString) value).getString()}));
            body = unsignedBody(hostile).orElse(new byte[0]);
        }
        applyChanges(hostile, headers);
        body = tamper(hostile.getString("tamper", ""), body);
        Long length = hostile.getBoolean("chunked", false) ? null : (long) body.length;
        if (hostile.containsKey("lie_content_length")) {
            length = body.length + hostile.getJsonNumber("lie_content_length").longValue();
        }
        if (hostile.containsKey("raw_content_length")) {
            length = hostile.getJsonNumber("raw_content_length").longValue();
        }
        return RawHttp.send(base.getHost(), base.getPort(), method, path, headers, body, length);
    }

    private static java.util.Optional<byte[]> unsignedBody(JsonObject hostile) {
        if (hostile.containsKey("body")) {
            return java.util.Optional.of(hostile.getString("body").getBytes(UTF_8));
        }
        if (hostile.containsKey("body_hex")) {
            return java.util.Optional.of(HexFormat.of().parseHex(hostile.getString("body_hex")));
        }
        if (hostile.containsKey("body_repeat")) {
            JsonArray r = hostile.getJsonArray("body_repeat");
            int n = r.getInt(1);
            return java.util.Optional.of((r.getString(0).repeat(n) + r.getString(2).repeat(n)).getBytes(UTF_8));
        }
        if (hostile.containsKey("body_fill")) {
            JsonArray f = hostile.getJsonArray("body_fill");
            return java.util.Optional.of((f.getString(0) + f.getString(2).repeat(f.getInt(1)) + f.getString(3))
                    .getBytes(UTF_8));
        }
        return java.util.Optional.empty();
    }

    private static void applyChanges(JsonObject hostile, List<String[]> headers) {
        if (hostile.containsKey("drop")) {
            hostile.getJsonArray("drop").getValuesAs(JsonString.class).forEach(name ->
                    headers.removeIf(h -> h[0].equalsIgnoreCase(name.getString())));
        }
        if (hostile.containsKey("set")) {
            hostile.getJsonObject("set").forEach((name, value) -> {
                headers.removeIf(h -> h[0].equalsIgnoreCase(name));
                headers.add(new String[] {name, ((JsonString) value).getString()});
            });
        }
        if (hostile.containsKey("regex")) {
            hostile.getJsonObject("regex").forEach((name, rule) -> headers.replaceAll(h -> h[0].equalsIgnoreCase(name)
                    ? new String[] {h[0], h[1].replaceAll(rule.asJsonArray().getString(0),
                    rule.asJsonArray().getString(1))} : h));
        }
        if (hostile.containsKey("duplicate")) {
            hostile.getJsonArray("duplicate").getValuesAs(JsonString.class).forEach(name -> List.copyOf(headers)
                    .stream().filter(h -> h[0].equalsIgnoreCase(name.getString())).forEach(h -> headers.add(h)));
        }
    }

    private static byte[] tamper(String how, byte[] body) {
        return switch (how) {
            case "append-newline" -> (new String(body, UTF_8) + "\n").getBytes(UTF_8);
            case "flip-last-byte" -> {
                byte[] flipped = body.clone();
                flipped[flipped.length - 1] ^= 1;
                yield flipped;
            }
            default -> body;
        };
    }

    private static JsonArray corpus() throws Exception {
        try (InputStream in = HostileInputIT.class.getResourceAsStream("/hostile/corpus.json")) {
            return Json.createReader(in).readObject().getJsonArray("cases");
        }
    }

    private static List<String> allSecrets() {
        return java.util.stream.Stream.concat(Signers.SECRETS.values().stream()
                .flatMap(secrets -> java.util.Arrays.stream(secrets)), HOSTILE_SECRETS.values().stream()).toList();
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
