package dev.hookline.dispatch;

import dev.hookline.store.Claim;

/**
 * An attempt that outlived its lease: another attempt has taken the delivery over, so this one must not commit its
 * outcome nor its observers' writes.
 */
final class LostClaim extends RuntimeException {

    LostClaim(Claim claim) {
        super("Attempt " + claim.attempt() + " of delivery " + claim.id() + " outlived its lease and was taken over");
    }
}
