package dev.hookline.admin;

/** The one role of the admin API and console; the web fragment declares it and guards {@code /api/admin/*} with it. */
public final class AdminRole {

    public static final String NAME = "hookline-admin";

    private AdminRole() {
    }
}
