package dev.hookline.store;

import java.sql.SQLException;

/** H2, the embedded default: in the server's own process, with commits that reach its file only later. */
final class H2Dialect extends Dialect {

    /** H2's {@code ErrorCode.DUPLICATE_KEY_1}. */
    private static final int DUPLICATE_KEY = 23505;

    @Override
    String name() {
        return "H2";
    }

    @Override
    boolean batchesInserts() {
        return false;
    }

    @Override
    boolean writesCommitsLater() {
        return true;
    }

    /**
     * H2 locks every matching row before sorting, so the rows come unsorted (index order) and only those returned are
     * locked. And H2 evaluates a condition on indexed columns against the index entry it is reading, not against the
     * row; under load it has kept (status, next attempt) entries that a committed change should have removed, so that
     * rows long finished were returned as due, ahead of the due ones, to claim after claim. The row itself, joined
     * again by id, is checked as well.
     */
    @Override
    ClaimSelect claimSelect(String due) {
        return new ClaimSelect("hookline_delivery d JOIN hookline_delivery r ON r.id = d.id",
                due + " AND " + due.replace("d.", "r."), "");
    }

    @Override
    boolean isDuplicateKey(SQLException failure) {
        return failure.getErrorCode() == DUPLICATE_KEY;
    }
}
