package com.example.billing;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The application's own REST API, at /rest; it lists no classes, so the server finds its resources by scanning. */
@ApplicationPath("rest")
public class BillingApplication extends Application {
}
