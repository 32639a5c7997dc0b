package dev.hookline.platform;

/**
 * Fired once as the web application that contains Hookline starts, when its naming environment is complete: the
 * moment Hookline looks up its datasource, migrates its schema, checks its sources and starts dispatching. An
 * exception of an observer stops the deployment.
 */
public final class Started {
}
