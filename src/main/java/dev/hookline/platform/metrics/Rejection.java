package dev.hookline.platform.metrics;

import dev.hookline.verify.SignatureRejected;

/** Why a webhook was refused, as the {@code reason} label of {@code hookline_rejected_total}. */
public enum Rejection {
    UNKNOWN_SOURCE("unknown-source"),
    BODY_TOO_LARGE("body-too-large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type"),
    SIGNATURE_MISSING("signature-missing"),
    SIGNATURE_MALFORMED("signature-malformed"),
    SIGNATURE_MISMATCH("signature-mismatch"),
    SIGNATURE_STALE("signature-stale"),
    UNREADABLE("unreadable-delivery"),
    UNSTORABLE("unstorable-delivery"),
    STORAGE_UNAVAILABLE("storage-unavailable");

    private final String label;

    Rejection(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Rejection of(SignatureRejected.Reason reason) {
        return switch (reason) {
            case MISSING -> SIGNATURE_MISSING;
            case MALFORMED -> SIGNATURE_MALFORMED;
            case MISMATCH -> SIGNATURE_MISMATCH;
            case STALE -> SIGNATURE_STALE;
        };
    }
}
