package dev.hookline.admin;

import dev.hookline.problem.Problem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page of the 401 and 403 the server itself sends when a realm guards the admin API: the same
 * problem+json as Hookline's own answers instead of the server's HTML page. Its headers, such as the
 * {@code WWW-Authenticate} challenge, stay as the server set them. The standalone WAR's web.xml maps it; an
 * application that includes Hookline maps it only if it wants its own refusals answered this way, since error pages
 * hold for the whole application.
 */
public class ContainerRefusalServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        int status = code instanceof Integer number ? number : HttpServletResponse.SC_NOT_FOUND;
        Problem problem = switch (status) {
            case 401 -> Problem.of("unauthorized", "Unauthorized", 401,
                    "The admin API needs HTTP Basic credentials of a user with the role " + AdminRole.NAME + ".",
                    uri == null ? null : uri.toString());
            case 403 -> Problem.of("forbidden", "Forbidden", 403,
                    "This user does not have the role " + AdminRole.NAME + ".", uri == null ? null : uri.toString());
            default -> Problem.of("http-404", "Not Found", 404, null, request.getRequestURI());
        };
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE.toString());
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(problem.toJson().getBytes(StandardCharsets.UTF_8));
    }
}
