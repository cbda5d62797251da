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
 * the body or calling the upstream, once today's estimated spend is over {@code HEADROOM_BUDGET};
 * and counts LLM requests that ended in a server error, for {@code /stats}.
 */
@ApplicationScoped
public class BudgetGuard {
    private static final Logger LOG = Logger.getLogger(BudgetGuard.class);

    /** Higher runs first: ahead of the Headroom route filter (50), so nothing is buffered or compressed. */
    static final int PRIORITY = 60;

    private final SavingsTracker tracker;
    private final LongAdder rejected = new LongAdder();
    private final LongAdder failed = new LongAdder();

    public BudgetGuard(SavingsTracker tracker) {
        this.tracker = tracker;
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
            rejected.increment();
            if (rejected.sum() == 1) {
                LOG.warn("daily budget exceeded: LLM requests are answered 429 until the next UTC day");
            }
            ApiResponses.error(rc.response(), 429, "budget_exceeded", String.format(Locale.ROOT,
                    "daily budget of %.2f USD exceeded (estimated spend today %.4f USD); resets at 00:00 UTC",
                    budget.get().limitUsd(), budget.get().usedUsd()));
            return;
        }
        rc.addEndHandler(ended -> {
            if (ended.failed() || rc.response().getStatusCode() >= 500) {
                failed.increment();
            }
        });
        rc.next();
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
