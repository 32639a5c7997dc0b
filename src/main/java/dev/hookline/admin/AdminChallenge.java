package dev.hookline.admin;

import dev.hookline.problem.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The 401 of the admin API: a {@code WWW-Authenticate} challenge and a problem+json body. The console marks its
 * requests with {@code X-Requested-With: XMLHttpRequest} and is challenged with a scheme of its own, so that the
 * browser does not pop up its Basic login dialog over the console's login form.
 */
final class AdminChallenge {

    static final String REALM = "hookline";

    private AdminChallenge() {
    }

    static void send(HttpServletRequest request, HttpServletResponse response, boolean loginGiven)
            throws IOException {
        boolean console = "XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"));
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", (console ? "HooklineConsole" : "Basic")
                + " realm=\"" + REALM + "\", charset=\"UTF-8\"");
        response.setHeader("Cache-Control", "no-store");
        String detail = loginGiven ? "The user name or password is not right."
                : "The admin API needs HTTP Basic credentials of a user with the role " + AdminRole.NAME + ".";
        write(response, Problem.of("unauthorized", "Unauthorized", 401, detail, request.getRequestURI()));
    }

    /** The 429 of a user or client address that must wait before its next login. */
    static void throttled(HttpServletRequest request, HttpServletResponse response, Duration wait)
            throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setHeader("Cache-Control", "no-store");
        write(response, Problem.of("too-many-logins", "Too many wrong logins", 429, "Too many wrong logins for"
                + " this user or from this address: try again in " + seconds + " s.", request.getRequestURI()));
    }

    private static void write(HttpServletResponse response, Problem problem) throws IOException {
        AdminSecurityHeaders.addTo(response);
        response.setContentType(Problem.MEDIA_TYPE.toString());
        byte[] body = problem.toJson().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
