package dev.hookline.it;

import dev.hookline.api.Webhook;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The application's own database writes, as a transactional observer makes them: a plain JDBC table in the same
 * datasource, written through the connection of the delivery's JTA transaction, so it commits or rolls back with it.
 */
@ApplicationScoped
public class Effects {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    /** Creates the table, outside any transaction. */
    public void prepare() {
        try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS hookline_test_effect (delivery_id VARCHAR(255) NOT NULL,"
                    + " attempt INTEGER NOT NULL)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes one row for this attempt, in the caller's transaction. */
    public void record(Webhook hook) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO hookline_test_effect (delivery_id, attempt) VALUES (?, ?)")) {
            insert.setString(1, hook.deliveryId());
            insert.setInt(2, hook.attempt());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The attempt numbers of the committed rows of one delivery. */
    public List<Integer> committed(String deliveryId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT attempt FROM hookline_test_effect WHERE delivery_id = ? ORDER BY attempt")) {
            select.setString(1, deliveryId);
            List<Integer> attempts = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    attempts.add(rows.getInt(1));
                }
            }
            return attempts;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
