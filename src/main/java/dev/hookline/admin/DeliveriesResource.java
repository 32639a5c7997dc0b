package dev.hookline.admin;

import static dev.hookline.admin.AdminParameters.blankToNull;

import dev.hookline.admin.AdminRequestRefused.InvalidParameter;
import dev.hookline.admin.AdminRequestRefused.NoSuchDelivery;
import dev.hookline.admin.AdminRequestRefused.NotReplayable;
import dev.hookline.dispatch.Replays;
import dev.hookline.store.Delivery;
import dev.hookline.store.DeliveryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.logging.Logger;

/**
 * {@code /api/admin/deliveries}: list, inspect, replay and purge. Only for the role {@value AdminRole#NAME}, which
 * web.xml demands of every {@code /api/admin/*} request before it gets here. Replays and purges are logged with the
 * user who asked.
 */
@Path("admin/deliveries")
@AdminOnly
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeliveriesResource {

    private static final Logger AUDIT = Logger.getLogger("dev.hookline.admin");
    /** What a purge may delete: deliveries dispatch is done with. */
    private static final Set<DeliveryStatus> PURGEABLE =
            Set.of(DeliveryStatus.PROCESSED, DeliveryStatus.UNHANDLED, DeliveryStatus.DEAD);

    @Inject
    AdminDeliveries deliveries;

    @Inject
    Replays replays;

    @Inject
    Clock clock;

    @GET
    public JsonObject list(@QueryParam("source") String source, @QueryParam("type") String type,
                           @QueryParam("status") String status, @QueryParam("limit") String limit,
                           @QueryParam("after") String after) {
        DeliveryFilter filter = new DeliveryFilter(blankToNull(source), blankToNull(type),
                AdminParameters.status("status", status));
        return DeliveryJson.page(deliveries.list(filter, AdminParameters.id("after", after),
                AdminParameters.limit(limit)));
    }

    @GET
    @Path("{id}")
    public JsonObject one(@PathParam("id") String id) {
        return DeliveryJson.detail(existing(id));
    }

    @POST
    @Path("{id}/replay")
    public Response replay(@PathParam("id") String id, @Context SecurityContext caller) {
        Delivery delivery = existing(id);
        if (delivery.purgedPayload() != null) {
            throw NotReplayable.payloadPurged(id, delivery.purgedPayload().purgedAt());
        }
        if (replays.replay(id) == 0) {
            throw NotReplayable.inDispatch(id, delivery.status().name());
        }
        AUDIT.info(() -> user(caller) + " replayed delivery " + id);
        return Response.accepted(DeliveryJson.counts("replayed", 1)).build();
    }

    @POST
    @Path("replay")
    public Response replayDead(@QueryParam("status") String status, @QueryParam("source") String source,
                               @Context SecurityContext caller) {
        DeliveryStatus which = AdminParameters.status("status", status);
        if (which != null && which != DeliveryStatus.DEAD) {
            throw new InvalidParameter("status: only DEAD deliveries are replayed in bulk; replay others one by one.");
        }
        String only = blankToNull(source);
        int count = replays.replayDead(only);
        AUDIT.info(() -> user(caller) + " replayed " + count + " dead deliveries of "
                + (only == null ? "all sources" : "source " + only));
        return Response.accepted(DeliveryJson.counts("replayed", count)).build();
    }

    @DELETE
    public JsonObject purge(@QueryParam("status") String status, @QueryParam("before") String before,
                            @Context SecurityContext caller) {
        DeliveryStatus which = AdminParameters.status("status", status);
        if (which == null || !PURGEABLE.contains(which)) {
            throw new InvalidParameter("status is required and one of " + PURGEABLE.stream().sorted().toList()
                    + ": dispatch still owes the others an attempt.");
        }
        Instant until = AdminParameters.before(before, clock);
        int count = deliveries.purge(which, until);
        AUDIT.info(() -> user(caller) + " purged " + count + " " + which + " deliveries received before " + until);
        return DeliveryJson.counts("deleted", count);
    }

    private Delivery existing(String id) {
        return deliveries.find(AdminParameters.id("id", id)).orElseThrow(() -> new NoSuchDelivery(id));
    }

    private static String user(SecurityContext caller) {
        return caller.getUserPrincipal() == null ? "?" : caller.getUserPrincipal().getName();
    }
}
