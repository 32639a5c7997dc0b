package dev.hookline.ingest;

import dev.hookline.platform.ApiServlet;
import dev.hookline.problem.Problem;
import dev.hookline.source.SourceNames;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Keeps a request sent to the webhook path on it. The server decodes and normalizes a path before it routes it, so
 * {@code /api/webhooks/..%2Fadmin/deliveries} would reach the admin API; this filter (mapped to every path in
 * Hookline's web fragment) reads the path as it was sent, and answers 404 when it begins with the webhook path but is
 * not {@code <webhooks>/<source name>} with a name of the documented set (see {@link SourceNames}). Any other request
 * passes after one comparison.
 */
public class WebhookPathGuard extends HttpFilter {

    private String webhooks = "/api/webhooks/";

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        ServletRegistration api = config.getServletContext().getServletRegistration(ApiServlet.NAME);
        if (api != null) {
            api.getMappings().stream().filter(m -> m.startsWith("/") && m.endsWith("/*")).findFirst()
                    .ifPresent(mapping -> webhooks = mapping.substring(0, mapping.length() - 1) + "webhooks/");
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String raw = request.getRequestURI();
        int start = request.getContextPath().length();
        if (raw.regionMatches(start, webhooks, 0, webhooks.length())
                && !SourceNames.isName(raw, start + webhooks.length())) {
            byte[] body = Problem.unknownSource(webhooks + "…").toJson().getBytes(StandardCharsets.UTF_8);
            response.setStatus(404);
            response.setContentType(Problem.MEDIA_TYPE.toString());
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        chain.doFilter(request, response);
    }
}
