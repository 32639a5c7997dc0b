package dev.hookline.it;

import static dev.hookline.it.AdminApiIT.assertProblem;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The admin side under attack, over real HTTP from outside the server: another site's form posted with the browser's
 * cached credentials, a password guesser, and paths that try to leave the webhook path for the admin API.
 */
@ExtendWith(ArquillianExtension.class)
class AdminHostileIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.hookline("hostile-admin", TestAdmin.CONFIGURATION
                + "hookline.metrics.role=hookline-admin\n");
    }

    @ArquillianResource
    URL base;

    private AdminClient admin() {
        return AdminClient.as(base, TestAdmin.USER, TestAdmin.PASSWORD);
    }

    @Test
    void aFormFromAnotherSiteCannotReplayWithTheBrowsersCachedCredentials() {
        assertProblem(admin().postAsForm("api/admin/deliveries/replay"), 403,
                "urn:hookline:problem:cross-site-request");
        assertProblem(admin().postAsForm("api/admin/deliveries/" + java.util.UUID.randomUUID() + "/replay"), 403,
                "urn:hookline:problem:cross-site-request");
        for (String formType : List.of("text/plain", "multipart/form-data; boundary=x")) {
            assertProblem(admin().send("POST", "api/admin/deliveries/replay", "x", "Content-Type", formType), 403,
                    "urn:hookline:problem:cross-site-request");
        }
        // What a script or the console sends is taken, and a purge as the documented cron job sends it.
        assertEquals(202, admin().post("api/admin/deliveries/replay").statusCode());
        assertEquals(202, admin().send("POST", "api/admin/deliveries/replay", "", "X-Requested-With",
                "XMLHttpRequest").statusCode());
        assertEquals(200, admin().delete("api/admin/deliveries?status=PROCESSED&before=2000-01-01T00:00:00Z")
                .statusCode());
    }

    @Test
    void fiftyWrongPasswordsInARowAreThrottledBeforeAnyPasswordIsHashed() throws Exception {
        PrometheusScrape before = scrape();
        assertEquals(200, admin().get("api/admin/stats").statusCode(), "the operator logged in a moment ago");
        List<Integer> statuses = new ArrayList<>();
        String retryAfter = null;
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> wrong = AdminClient.as(base, TestAdmin.USER, "guess " + i).get("api/admin/stats");
            statuses.add(wrong.statusCode());
            if (wrong.statusCode() == 429) {
                assertProblem(wrong, 429, "urn:hookline:problem:too-many-logins");
                retryAfter = wrong.headers().firstValue("Retry-After").orElseThrow();
            }
        }
        assertEquals(List.of(401, 401, 401, 401, 401), statuses.subList(0, 5), statuses.toString());
        long wrongAnswered = statuses.stream().filter(s -> s == 401).count();
        long throttled = statuses.stream().filter(s -> s == 429).count();
        assertEquals(50, wrongAnswered + throttled, statuses.toString());
        // One second after the fifth failure, two after the sixth...: on a slow machine a wait may end within the
        // fifty, and the next guess is checked (and doubles the wait), but only a handful ever are.
        assertTrue(wrongAnswered <= 8, statuses.toString());
        assertTrue(Integer.parseInt(retryAfter) >= 1, retryAfter);
        // The operator's recent login is not slowed by the guesser.
        assertEquals(200, admin().get("api/admin/stats").statusCode());

        PrometheusScrape after = scrape();
        assertEquals(wrongAnswered, count(after, before, "failure"), "a hash computed for the answered guesses only");
        assertEquals(throttled, count(after, before, "throttled"));
        assertEquals(3, count(after, before, "success"), "the operator twice, and the scrape");
    }

    @Test
    void theConsoleAndTheAdminApiForbidFramingInlineScriptAndSniffing() {
        List<HttpResponse<String>> answers = List.of(AdminClient.anonymous(base).get("admin/"),
                AdminClient.anonymous(base).get("admin/console.js"), admin().get("api/admin/stats"),
                AdminClient.anonymous(base).get("api/admin/stats"));
        for (HttpResponse<String> answer : answers) {
            String where = answer.request().uri() + " " + answer.statusCode();
            String policy = answer.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("frame-ancestors 'none'") && policy.contains("script-src 'self'"),
                    where + ": " + policy);
            assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), where + ": " + policy);
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(""), where);
            assertEquals("no-referrer", answer.headers().firstValue("Referrer-Policy").orElse(""), where);
        }
    }

    /**
     * A replay request aimed at the admin API through the webhook path, with the admin's credentials and the JSON
     * content type it would need there: each encoding of a way out must stay on the webhook path and get 404. (A path
     * that ends in a literal {@code ..} or {@code .} the server resolves before any application sees it: it no longer
     * names the webhook path, nor anything of Hookline's.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"..%2Fadmin%2Fdeliveries%2Freplay", "..%2fadmin/deliveries/replay",
            "%2E%2E%2Fadmin%2Fdeliveries%2Freplay", "%2e%2e/admin/deliveries/replay", ".%2E/admin/deliveries/replay",
            "..%5Cadmin%5Cdeliveries%5Creplay", "..%252Fadmin%252Fdeliveries%252Freplay",
            "..;/admin/deliveries/replay", "..%3B/admin/deliveries/replay", "%2E%2E;/admin/deliveries/replay",
            "..%c0%afadmin/deliveries/replay", "../admin/deliveries/replay", "./../admin/deliveries/replay",
            "github%2F..%2F..%2Fadmin%2Fdeliveries%2Freplay", "GitHub", "git%20hub", "%2E%2E", "%2E",
            "a%00b", "github/", "github/x", "a12345678901234567890123456789012345678901234567890123456789012345"})
    void aPathThatLeavesTheWebhookPathIsAnswered404(String rest) throws Exception {
        String path = base.getPath() + "api/webhooks/" + rest;
        RawHttp.Answer answer = RawHttp.send(base.getHost(), base.getPort(), "POST", path, List.of(
                new String[] {"Host", base.getHost() + ":" + base.getPort()},
                new String[] {"Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (TestAdmin.USER + ":" + TestAdmin.PASSWORD).getBytes(UTF_8))},
                new String[] {"Content-Type", "application/json"}), "{}".getBytes(UTF_8), 2L);
        // Some of these the server itself refuses as malformed before any application sees them (Grizzly: 400 for
        // an encoded backslash, NUL or overlong UTF-8); everything it lets through, Hookline answers 404.
        boolean refusedByTheServer = (answer.status() == 400 || answer.status() == 505)
                && !answer.body().contains("urn:hookline");
        assertTrue(answer.status() == 404 || refusedByTheServer,
                path + " answered " + answer.status() + " " + answer.headers() + ": " + answer.body());
        assertFalse(answer.body().contains("replayed"), answer.body());
    }

    @Test
    void theMetricsNeedTheConfiguredRole() {
        HttpResponse<String> anonymous = AdminClient.anonymous(base).get("api/metrics");
        assertProblem(anonymous, 401, "urn:hookline:problem:unauthorized");
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(401, AdminClient.as(base, TestAdmin.USER, "not the password").get("api/metrics").statusCode());
        HttpResponse<String> scrape = admin().get("api/metrics");
        assertEquals(200, scrape.statusCode());
        assertTrue(scrape.body().contains("# TYPE hookline_admin_logins_total counter"), scrape.body());
    }

    /** Prometheus's scrape, with the role this deployment asks for ({@code hookline.metrics.role}). */
    private PrometheusScrape scrape() {
        return new PrometheusScrape(admin().get("api/metrics").body());
    }

    private static long count(PrometheusScrape after, PrometheusScrape before, String outcome) {
        String sample = "hookline_admin_logins_total{outcome=\"" + outcome + "\"}";
        return Math.round(after.value(sample) - before.value(sample));
    }
}
