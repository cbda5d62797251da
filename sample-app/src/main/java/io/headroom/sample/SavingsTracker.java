package io.headroom.sample;

import io.headroom.CompressionListener;
import io.headroom.Endpoint;
import io.headroom.Mode;
import io.headroom.RequestOutcome;
import io.headroom.sample.savings.PersistentSavings;
import io.headroom.sample.savings.PricingTable;
import io.headroom.sample.savings.Rollup;
import io.headroom.sample.savings.SavingsLedger;
import io.headroom.sample.savings.SavingsTotals;
import io.headroom.sample.savings.TenantSpend;
import io.headroom.sample.stats.RequestLog;
import io.quarkus.arc.Unremovable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Prices every proxied request and books it: session totals in memory, durable totals in the
 * savings file ({@code HEADROOM_SAVINGS_PATH}), and today's spend for the daily budget
 * ({@code HEADROOM_BUDGET}) and the per-tenant one ({@code HEADROOM_TENANT_BUDGET}), both also kept in the
 * savings file so a restart on the same UTC day resets neither. Savings are the
 * removed input tokens at the model's input price, booked when Headroom compressed the request (the
 * extension hands this bean to Headroom as a {@link CompressionListener}); spend is booked only from the
 * provider's answer ({@link SpendBooking}: the usage it reports at the model's input and output prices,
 * or the forwarded input tokens when a 2xx answer reports none; nothing for a rejected request).
 */
@Singleton
@Unremovable
public class SavingsTracker implements CompressionListener {
    private static final Logger LOG = Logger.getLogger(SavingsTracker.class);

    private final PersistentSavings savings;
    private final PricingTable pricing;
    private final OptionalDouble budgetUsd;
    private final OptionalDouble tenantBudgetUsd;
    private final RequestLog requestLog;
    private final Duration retention;
    private SavingsTotals session = SavingsTotals.ZERO;
    /** As {@link #session}, but never reset: {@code /metrics} counters must not go down. */
    private SavingsTotals sinceStart = SavingsTotals.ZERO;

    public SavingsTracker(@ConfigProperty(name = "headroom.savings.path") String path,
                          @ConfigProperty(name = "headroom.savings.flush-interval", defaultValue = "60s")
                          Duration flushInterval,
                          @ConfigProperty(name = "headroom.savings.retention", defaultValue = "P90D")
                          Duration retention,
                          @ConfigProperty(name = "headroom.pricing.models-file") Optional<String> modelsFile,
                          @ConfigProperty(name = "headroom.pricing.model-limits") Optional<String> modelLimits,
                          @ConfigProperty(name = "headroom.budget") Optional<Double> budget,
                          @ConfigProperty(name = "headroom.tenant-budget") Optional<Double> tenantBudget,
                          @ConfigProperty(name = "headroom.savings.max-tenants",
                                  defaultValue = "" + TenantSpend.DEFAULT_MAX_TENANTS) int maxTenants,
                          RequestLog requestLog) {
        this.requestLog = requestLog;
        this.retention = retention;
        if (budget.isPresent() && !(budget.get() >= 0)) {
            throw new IllegalArgumentException("headroom.budget (HEADROOM_BUDGET) must be a non-negative USD amount");
        }
        if (tenantBudget.isPresent() && !(tenantBudget.get() >= 0)) {
            throw new IllegalArgumentException(
                    "headroom.tenant-budget (HEADROOM_TENANT_BUDGET) must be a non-negative USD amount");
        }
        this.tenantBudgetUsd = tenantBudget.map(OptionalDouble::of).orElse(OptionalDouble.empty());
        this.pricing = PricingTable.fromSources(modelsFile.filter(s -> !s.isBlank()).map(Path::of).orElse(null),
                modelLimits.orElse(null));
        this.budgetUsd = budget.map(OptionalDouble::of).orElse(OptionalDouble.empty());
        if (maxTenants < 1) {
            throw new IllegalArgumentException("headroom.savings.max-tenants must be at least 1");
        }
        this.savings = PersistentSavings.open(Path.of(path), flushInterval, retention, maxTenants, Clock.systemUTC());
        LOG.infof("persistent savings at %s%s", savings.path(),
                budget.map(b -> String.format(java.util.Locale.ROOT, ", daily budget %.2f USD", b)).orElse(""));
    }

    @Override
    public void onRequest(Endpoint endpoint, Mode mode, RequestOutcome outcome, long elapsedNanos) {
        // called on the request path: must never throw into it
        try {
            requestLog.recordOverhead(elapsedNanos / 1_000_000.0);
            // only the saving here: the spend is booked from the provider's answer (bookSpend)
            long saved = outcome.compressed() ? outcome.tokensSaved() : 0;
            Optional<PricingTable.Price> price = pricing.lookup(ModelField.of(outcome.body()));
            SavingsTotals delta = SavingsTotals.ofRequest(saved, price.map(p -> p.inputCost(saved)).orElse(0.0), 0, 0.0);
            savings.ledger().record(delta);
            synchronized (this) {
                session = session.plus(delta);
                sinceStart = sinceStart.plus(delta);
            }
        } catch (RuntimeException e) {
            LOG.warnf("savings bookkeeping failed (%s)", e.getClass().getSimpleName());
        }
    }

    /**
     * Books the spend of one answered request: {@code inputTokens} at the model's input price plus
     * {@code outputTokens} at its output price, against the daily budget and {@code caller}'s own.
     */
    public void bookSpend(String caller, String model, long inputTokens, long outputTokens) {
        Optional<PricingTable.Price> price = pricing.lookup(model);
        double cost = price.map(p -> p.inputCost(inputTokens) + p.outputCost(outputTokens)).orElse(0.0);
        SavingsTotals delta = new SavingsTotals(0, 0, 0.0, inputTokens, cost);
        savings.ledger().record(delta);
        savings.tenants().add(caller, cost);
        synchronized (this) {
            session = session.plus(delta);
            sinceStart = sinceStart.plus(delta);
        }
    }

    /** Totals since this gateway started. */
    /** Starts the session totals again ({@code POST /stats/reset}); the durable ledger is not touched. */
    public synchronized void resetSession() {
        session = SavingsTotals.ZERO;
    }

    public synchronized SavingsTotals session() {
        return session;
    }

    /** Totals since this gateway started, whatever {@code POST /stats/reset} did. */
    public synchronized SavingsTotals sessionSinceStart() {
        return sinceStart;
    }

    public SavingsLedger ledger() {
        return savings.ledger();
    }

    /** How long hourly savings buckets are kept ({@code headroom.savings.retention}). */
    public Duration retention() {
        return retention;
    }

    public Path path() {
        return savings.path();
    }

    /** The daily budget state, or empty when no budget is set. */
    public Optional<BudgetStatus> budget() {
        if (budgetUsd.isEmpty()) {
            return Optional.empty();
        }
        double used = savings.ledger().current(Rollup.DAILY).costUsd();
        return Optional.of(new BudgetStatus(budgetUsd.getAsDouble(), used));
    }

    /** True when a budget is set and today's (UTC) estimated spend exceeds it. */
    public boolean budgetExceeded() {
        return budget().map(BudgetStatus::exceeded).orElse(false);
    }

    /** {@code caller}'s daily budget state, or empty when no per-tenant budget is set. */
    public Optional<BudgetStatus> tenantBudget(String caller) {
        if (tenantBudgetUsd.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BudgetStatus(tenantBudgetUsd.getAsDouble(), savings.tenants().spentToday(caller)));
    }

    /** The per-tenant daily limit, if set, and how many tenants spent today / are over it. */
    public Optional<TenantBudgets> tenantBudgets() {
        if (tenantBudgetUsd.isEmpty()) {
            return Optional.empty();
        }
        double limit = tenantBudgetUsd.getAsDouble();
        TenantSpend tenants = savings.tenants();
        return Optional.of(new TenantBudgets(limit, tenants.tenantsToday(), tenants.tenantsOver(limit)));
    }

    /** The per-tenant budget in /stats: no tenant is named, only counted. */
    public record TenantBudgets(double limitUsd, int tenantsToday, int tenantsExceeded) {
    }

    /** Today's (UTC) estimated spend against the daily limit. */
    public record BudgetStatus(double limitUsd, double usedUsd) {
        public double remainingUsd() {
            return Math.max(0.0, limitUsd - usedUsd);
        }

        public boolean exceeded() {
            return usedUsd > limitUsd;
        }
    }

    @PreDestroy
    void close() {
        savings.close();
    }
}
