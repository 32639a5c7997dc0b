package dev.hookline.store;

import java.util.Locale;

/** The dialect of a database product, by the name its JDBC driver gives; one Hookline has no dialect for is refused. */
final class Dialects {

    private Dialects() {
    }

    static Dialect of(String productName) {
        String product = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (product.equals("h2")) {
            return new H2Dialect();
        }
        if (product.contains("postgres")) {
            return new PostgresDialect();
        }
        if (product.equals("mariadb")) {
            return new MariaDbDialect();
        }
        throw new InvalidStoreConfiguration("The store's database is " + productName + ", which Hookline has no"
                + " dialect for yet; it stores in H2, PostgreSQL and MariaDB. Point " + StoreDataSource.KEY
                + " at one of those (see docs/delivery-guarantees.md#databases).", null);
    }
}
