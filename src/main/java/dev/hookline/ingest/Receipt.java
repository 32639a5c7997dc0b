package dev.hookline.ingest;

/** What the inbox did with a delivery: stored it now, or had stored it before. */
public sealed interface Receipt {

    /** Hookline's id of the stored delivery: the new one, or the first of a duplicate. */
    String id();

    record Accepted(String id) implements Receipt {
    }

    record Duplicate(String id) implements Receipt {
    }
}
