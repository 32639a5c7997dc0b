package dev.hookline.crash;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The soak's view into the embedded database, which only the server that holds its file can open: {@code ?full}
 * reads every stored body to its last byte and counts the effects per delivery; without it, only the deliveries per
 * status. Answers {@code name=value} lines.
 */
@WebServlet("/soak/audit")
public class SoakAudit extends HttpServlet {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Long> figures = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            try (ResultSet rows = sql.executeQuery(
                    "SELECT status, COUNT(*) FROM hookline_delivery GROUP BY status")) {
                while (rows.next()) {
                    figures.put("status." + rows.getString(1), rows.getLong(2));
                }
            }
            if (request.getParameter("full") != null) {
                readEveryBody(connection, figures);
                countEffects(connection, figures);
                figures.put("deliveries.without-effect", single(sql, "SELECT COUNT(*) FROM hookline_delivery d"
                        + " WHERE NOT EXISTS (SELECT 1 FROM soak_effect e WHERE e.delivery_id = d.delivery_id)"));
            }
        } catch (SQLException e) {
            throw new IOException(e);
        }
        response.setContentType("text/plain");
        StringBuilder out = new StringBuilder();
        figures.forEach((name, value) -> out.append(name).append('=').append(value).append('\n'));
        response.getWriter().write(out.toString());
    }

    private static void readEveryBody(Connection connection, Map<String, Long> figures) throws SQLException,
            IOException {
        long rows = 0;
        long bytes = 0;
        try (PreparedStatement select = connection.prepareStatement("SELECT body FROM hookline_delivery")) {
            select.setFetchSize(1000);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    try (InputStream body = row.getBinaryStream(1)) {
                        bytes += body.readAllBytes().length;
                    }
                    rows++;
                }
            }
        }
        figures.put("bodies.read", rows);
        figures.put("bodies.bytes", bytes);
    }

    /**
     * Walks the effects in delivery id order, as the index has them, counting ids seen more than once: a GROUP BY
     * would hold millions of groups in the server's memory.
     */
    private static void countEffects(Connection connection, Map<String, Long> figures) throws SQLException {
        long effects = 0;
        long twice = 0;
        String previous = null;
        boolean counted = false;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT delivery_id FROM soak_effect ORDER BY delivery_id")) {
            select.setFetchSize(1000);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String id = row.getString(1);
                    effects++;
                    if (id.equals(previous)) {
                        if (!counted) {
                            twice++;
                            counted = true;
                        }
                    } else {
                        previous = id;
                        counted = false;
                    }
                }
            }
        }
        figures.put("effects", effects);
        figures.put("deliveries.with-more-than-one-effect", twice);
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
