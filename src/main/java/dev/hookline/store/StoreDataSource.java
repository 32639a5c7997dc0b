package dev.hookline.store;

import dev.hookline.platform.Started;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.SQLException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;

/**
 * The datasource Hookline stores deliveries in: the one named by {@code hookline.datasource}, the server's default
 * datasource unless told otherwise. It is meant to be the host application's own database: a synchronous observer's
 * writes through the application's own persistence unit or datasource then go through the same JTA transaction as the
 * delivery's {@code PROCESSED}, and commit with it without XA. Hookline reads and writes it with plain JDBC and brings
 * no persistence unit of its own, so that an application's unnamed {@code @PersistenceContext} stays unambiguous.
 *
 * <p>The name is looked up once, as the application starts, on a thread with the application's naming context
 * ({@code java:comp} names mean nothing elsewhere). A connection taken inside a JTA transaction is enlisted in it by
 * the server: store classes take theirs here, within their own {@code @Transactional} boundaries.
 */
@ApplicationScoped
public class StoreDataSource {

    static final String KEY = "hookline.datasource";
    static final String DEFAULT = "java:comp/DefaultDataSource";

    @Inject
    Config config;

    private volatile DataSource dataSource;

    /**
     * Looks the datasource up as the application starts, even when nothing else touches the store then
     * ({@code hookline.schema.migrate=false}): a wrong name stops the deployment with a message naming the key. Thrown
     * from an observer rather than from {@code @PostConstruct}, whose failures the container wraps in its own.
     */
    void lookUpOnStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Started started) {
        dataSource();
    }

    private DataSource lookUp() {
        String name = config.getOptionalValue(KEY, String.class).map(String::strip).orElse(DEFAULT);
        Object found;
        try {
            found = new InitialContext().lookup(name);
        } catch (NamingException | RuntimeException e) {
            throw new InvalidStoreConfiguration("No datasource could be looked up at " + KEY + "=" + name
                    + ": name a javax.sql.DataSource of the server (JNDI)", e);
        }
        if (!(found instanceof DataSource source)) {
            throw new InvalidStoreConfiguration(KEY + "=" + name + " names a " + (found == null ? "null"
                    : found.getClass().getName()) + ", not a javax.sql.DataSource", null);
        }
        return source;
    }

    public DataSource dataSource() {
        DataSource known = dataSource;
        if (known == null) {
            known = lookUp();
            dataSource = known;
        }
        return known;
    }

    /** A connection to close when done; inside a JTA transaction, the one the server enlisted in it. */
    public Connection connection() throws SQLException {
        return dataSource().getConnection();
    }
}
