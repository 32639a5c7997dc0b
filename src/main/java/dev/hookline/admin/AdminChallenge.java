package dev.hookline.admin;

import dev.hookline.problem.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

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
        response.setContentType(Problem.MEDIA_TYPE.toString());
        String detail = loginGiven ? "The user name or password is not right."
                : "The admin API needs HTTP Basic credentials of a user with the role " + AdminRole.NAME + ".";
        byte[] body = Problem.of("unauthorized", "Unauthorized", 401, detail, request.getRequestURI()).toJson()
                .getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
