package dev.hookline.store;

/** The store's configuration cannot work: the message names the key to fix. */
public class InvalidStoreConfiguration extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidStoreConfiguration(String message, Throwable cause) {
        super(message, cause);
    }
}
