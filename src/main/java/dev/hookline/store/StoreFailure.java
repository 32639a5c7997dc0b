package dev.hookline.store;

import java.sql.SQLException;

/**
 * The database refused or could not take a write, or could not answer a read; the cause tells which (see
 * {@link DeliveryWriter#isDuplicateKey}, which asks the database's dialect).
 */
public class StoreFailure extends RuntimeException {

    public StoreFailure(String message, SQLException cause) {
        super(message, cause);
    }
}
