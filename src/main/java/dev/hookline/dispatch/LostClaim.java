package dev.hookline.dispatch;

/**
 * An attempt that outlived its lease: another attempt has taken the delivery over, so this one must not commit its
 * outcome nor its observers' writes.
 */
final class LostClaim extends RuntimeException {

    LostClaim(int lost, int of) {
        super(lost + " of " + of + " attempts outlived their lease and were taken over");
    }
}
