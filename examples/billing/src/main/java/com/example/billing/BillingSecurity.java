package com.example.billing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.FormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * The application's own login: a form, as many business applications have. Hookline then brings no login of its
 * own: its admin API and console accept this application's users that have the role {@code hookline-admin}.
 */
@FormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.html", errorPage = "/login-error.html"))
@ApplicationScoped
public class BillingSecurity {
}
