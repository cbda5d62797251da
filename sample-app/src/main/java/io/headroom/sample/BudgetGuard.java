package io.headroom.sample;

import io.headroom.Endpoint;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.logging.Logger;

/**
 * Runs before the Headroom filter on the LLM routes: answers 429 budget_exceeded, without reading
 * the body or calling the upstream, once today's spend is over {@code HEADROOM_BUDGET}, or the caller's
 * own spend ({@link TenantScopes#caller}) is over {@code HEADROOM_TENANT_BUDGET}; and counts LLM requests
 * that ended in a server error, for {@code /stats}. Spend is booked from the providers' answers
 * ({@link SpendBooking}), so a rejected request never counts against a budget.
 */
@ApplicationScoped
public class BudgetGuard {
    private static final Logger LOG = Logger.getLogger(BudgetGuard.class);

    /** Higher runs first: ahead of the Headroom route filter (50), so nothing is buffered or compressed. */
    static final int PRIORITY = 60;

    private final SavingsTracker tracker;
    private final TenantScopes scopes;
    private final LongAdder rejected = new LongAdder();
    private final LongAdder failed = new LongAdder();

    public BudgetGuard(SavingsTracker tracker, TenantScopes scopes) {
        this.tracker = tracker;
        this.scopes = scopes;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    private void handle(RoutingContext rc) {
        if (rc.request().method() != HttpMethod.POST || Endpoint.forPath(rc.request().path()).isEmpty()) {
            rc.next();
            return;
        }
        var budget = tracker.budget();
        if (budget.isPresent() && budget.get().exceeded()) {
            refuse(rc, "daily budget", budget.get());
            return;
        }
        var own = tracker.tenantBudget(scopes.caller(rc));
        if (own.isPresent() && own.get().exceeded()) {
            refuse(rc, "daily budget per tenant", own.get());
            return;
        }
        rc.addEndHandler(ended -> {
            if (ended.failed() || rc.response().getStatusCode() >= 500) {
                failed.increment();
            }
        });
        rc.next();
    }

    private void refuse(RoutingContext rc, String which, SavingsTracker.BudgetStatus status) {
        rejected.increment();
        if (rejected.sum() == 1) {
            LOG.warnf("%s exceeded: LLM requests over it are answered 429 until the next UTC day", which);
        }
        // in the shape of the route's provider, so its SDK reads it as a 429 of its own
        ProviderErrors.forPath(rc.normalizedPath()).write(rc.response(), ProviderErrors.Kind.BUDGET_EXCEEDED,
                String.format(Locale.ROOT,
                "%s of %.2f USD exceeded (spend today %.4f USD); resets at 00:00 UTC",
                which, status.limitUsd(), status.usedUsd()));
    }

    /** LLM requests refused because of the budget. */
    public long rejected() {
        return rejected.sum();
    }

    /** LLM requests that ended with a 5xx answer or a broken connection. */
    public long failed() {
        return failed.sum();
    }
}
