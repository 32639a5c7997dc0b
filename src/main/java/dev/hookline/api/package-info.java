/**
 * What an application's code touches of Hookline: the {@link dev.hookline.api.Webhook} event that its CDI observers
 * receive, and the qualifiers that select deliveries by source and event type.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class Billing {
 *     void paid(@Observes @WebhookEvent(source = "stripe", type = "invoice.paid") Webhook hook) { ... }
 *     void invoices(@Observes @WebhookEvent(source = "stripe", type = "invoice.*") Webhook hook) { ... }
 *     void github(@Observes @WebhookSource("github") Webhook hook) { ... }
 * }
 * }</pre>
 *
 * <p>A synchronous observer runs inside the delivery's JTA transaction: what it writes through the application's
 * persistence unit commits together with the delivery's {@code PROCESSED}, and an exception rolls both back and
 * schedules a retry. Each matching observer is notified once per attempt.
 *
 * <p>This package is Hookline's API, kept compatible within a major version. Every other package of Hookline is
 * internal and may change in any release.
 */
package dev.hookline.api;
