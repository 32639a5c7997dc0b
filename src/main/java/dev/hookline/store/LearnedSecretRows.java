package dev.hookline.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The rows of {@code hookline_learned_secret}, each read and written in a transaction of its own. */
@ApplicationScoped
public class LearnedSecretRows {

    private static final String SELECT = "SELECT secret FROM hookline_learned_secret WHERE source = ?"
            + " ORDER BY learned_at";
    private static final String EXISTS = "SELECT 1 FROM hookline_learned_secret WHERE source = ? AND secret = ?";
    private static final String INSERT = "INSERT INTO hookline_learned_secret (source, secret, learned_at)"
            + " VALUES (?, ?, ?)";

    @Inject
    StoreDataSource store;

    @Inject
    Clock clock;

    @Transactional(TxType.REQUIRES_NEW)
    public List<String> of(String source) {
        try (Connection connection = store.connection();
             PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, source);
            List<String> secrets = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    secrets.add(rows.getString(1));
                }
            }
            return secrets;
        } catch (SQLException e) {
            throw new StoreFailure("Reading the learned secrets of " + source + " failed", e);
        }
    }

    /** Adds the secret unless the source has it already. */
    @Transactional(TxType.REQUIRES_NEW)
    public void insert(String source, String secret) {
        try (Connection connection = store.connection();
             PreparedStatement exists = connection.prepareStatement(EXISTS);
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            exists.setString(1, source);
            exists.setString(2, secret);
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
            insert.setString(1, source);
            insert.setString(2, secret);
            insert.setTimestamp(3, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreFailure("Keeping a learned secret of " + source + " failed", e);
        }
    }
}
