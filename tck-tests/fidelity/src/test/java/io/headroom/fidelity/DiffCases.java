package io.headroom.fidelity;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Diffs as agents get them from {@code git diff} of a pull request, generated from a fixed seed: a dependency-bump PR
 * over 40 files in which one file also drops an authorisation check, a package-move refactor over 36 files with one
 * changed timeout, and a small two-hunk fix. Every patch has git's own shape (index lines, three context lines,
 * function context after {@code @@}).
 */
final class DiffCases {
    static final String REMOVED_AUTH_CHECK = "-        if (!currentUser.hasRole(\"ADMIN\")) {";
    static final String CHANGED_TIMEOUT = "+    private static final int SETTLEMENT_TIMEOUT_MS = 300;";
    static final String SMALL_FIX = "+        return amount.setScale(2, RoundingMode.HALF_EVEN);";
    private static final String[] SERVICES = {"accounts", "admin", "audit", "billing", "catalog", "checkout",
            "gateway", "identity", "inventory", "invoicing", "ledger", "notifications", "orders", "payments",
            "pricing", "search", "shipping", "tax"};
    private static final String[] WEB_APPS = {"storefront", "backoffice", "partner-portal", "docs-site", "status-page",
            "checkout-widget", "admin-console", "mobile-shell", "design-system", "analytics-ui", "onboarding",
            "help-center", "seller-hub"};
    private static final String[] CLASSES = {"Invoice", "InvoiceLine", "LedgerEntry", "Settlement", "Payout",
            "Refund", "Chargeback", "TaxLine", "Discount", "Currency", "ExchangeRate", "Statement", "Reconciler",
            "BillingCycle", "Subscription", "Plan", "Usage", "Meter", "Credit", "Debit", "Adjustment", "Dunning",
            "PaymentMethod", "Mandate", "Receipt", "Voucher", "Budget", "CostCenter", "Journal", "Posting"};

    private DiffCases() {
    }

    static List<FidelityCase> cases() {
        Random random = new Random(16);
        return List.of(dependencyBump(random), packageMove(random), smallFix(random));
    }

    /** 18 poms, 13 package.json, 7 build.gradle bumped, one lock file, and the controller that loses its check. */
    static FidelityCase dependencyBump(Random random) {
        StringBuilder d = new StringBuilder();
        List<String> needles = new ArrayList<>();
        needles.add(REMOVED_AUTH_CHECK);
        for (String service : SERVICES) {
            String path = "services/" + service + "/pom.xml";
            needles.add(path);
            String from = service.equals("ledger") ? "2.16.0" : "2.15.2"; // one module lagged behind
            int line = 18 + random.nextInt(30);
            fileHeader(d, path, random);
            d.append("@@ -").append(line).append(",7 +").append(line).append(",7 @@\n");
            d.append("     <maven.compiler.release>17</maven.compiler.release>\n");
            d.append("     <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>\n");
            d.append("     <spring-boot.version>3.2.5</spring-boot.version>\n");
            d.append("-    <jackson.version>").append(from).append("</jackson.version>\n");
            d.append("+    <jackson.version>2.17.1</jackson.version>\n");
            d.append("     <junit.version>5.10.2</junit.version>\n");
            d.append("     <testcontainers.version>1.19.7</testcontainers.version>\n");
            d.append("     <mapstruct.version>1.5.5.Final</mapstruct.version>\n");
        }
        for (String app : WEB_APPS) {
            String path = "web/" + app + "/package.json";
            needles.add(path);
            int line = 12 + random.nextInt(20);
            fileHeader(d, path, random);
            d.append("@@ -").append(line).append(",7 +").append(line).append(",7 @@\n");
            d.append("     \"@tanstack/react-query\": \"^5.28.0\",\n");
            d.append("     \"clsx\": \"^2.1.0\",\n");
            d.append("     \"date-fns\": \"^3.6.0\",\n");
            d.append("-    \"axios\": \"^1.6.0\",\n");
            d.append("+    \"axios\": \"^1.7.4\",\n");
            d.append("     \"react\": \"^18.2.0\",\n");
            d.append("     \"react-dom\": \"^18.2.0\",\n");
            d.append("     \"zod\": \"^3.22.4\"\n");
        }
        for (int g = 0; g < 7; g++) {
            String path = "tools/plugin-" + (g + 1) + "/build.gradle";
            needles.add(path);
            fileHeader(d, path, random);
            d.append("@@ -21,7 +21,7 @@ dependencies {\n");
            d.append("     implementation platform(\"org.springframework.boot:spring-boot-dependencies:3.2.5\")\n");
            d.append("     implementation \"org.slf4j:slf4j-api:2.0.13\"\n");
            d.append("     implementation \"com.google.guava:guava:33.1.0-jre\"\n");
            d.append("-    implementation \"com.fasterxml.jackson.core:jackson-databind:2.15.2\"\n");
            d.append("+    implementation \"com.fasterxml.jackson.core:jackson-databind:2.17.1\"\n");
            d.append("     testImplementation \"org.junit.jupiter:junit-jupiter:5.10.2\"\n");
            d.append("     testImplementation \"org.assertj:assertj-core:3.25.3\"\n");
            d.append("     testImplementation \"org.mockito:mockito-core:5.11.0\"\n");
        }
        needles.add("web/package-lock.json");
        fileHeader(d, "web/package-lock.json", random);
        int at = 2100;
        for (String pkg : new String[] {"axios", "follow-redirects", "form-data", "proxy-from-env"}) {
            d.append("@@ -").append(at).append(",9 +").append(at).append(",9 @@\n");
            d.append("       \"dev\": false\n");
            d.append("     },\n");
            d.append("     \"node_modules/").append(pkg).append("\": {\n");
            d.append("-      \"version\": \"1.6.0\",\n");
            d.append("-      \"resolved\": \"https://registry.npmjs.org/").append(pkg).append("/-/").append(pkg).append("-1.6.0.tgz\",\n");
            d.append("-      \"integrity\": \"sha512-").append(base64(random, 64)).append("\",\n");
            d.append("+      \"version\": \"1.7.4\",\n");
            d.append("+      \"resolved\": \"https://registry.npmjs.org/").append(pkg).append("/-/").append(pkg).append("-1.7.4.tgz\",\n");
            d.append("+      \"integrity\": \"sha512-").append(base64(random, 64)).append("\",\n");
            d.append("       \"dependencies\": {\n");
            d.append("         \"follow-redirects\": \"^1.15.6\",\n");
            d.append("         \"form-data\": \"^4.0.0\",\n");
            at += 40 + random.nextInt(300);
        }
        String controller = "services/admin/src/main/java/com/acme/admin/AdminController.java";
        needles.add(controller);
        fileHeader(d, controller, random);
        d.append("@@ -41,13 +41,10 @@ public class AdminController {\n");
        d.append("     @PostMapping(\"/tenants/{tenantId}/purge\")\n");
        d.append("     public ResponseEntity<PurgeReport> purgeTenant(@PathVariable String tenantId,\n");
        d.append("                                                    @AuthenticationPrincipal User currentUser) {\n");
        d.append(REMOVED_AUTH_CHECK).append('\n');
        d.append("-            throw new AccessDeniedException(\"tenant purge requires ADMIN\");\n");
        d.append("-        }\n");
        d.append("         PurgeReport report = tenantService.purge(tenantId);\n");
        d.append("         auditLog.record(currentUser.getId(), \"tenant.purge\", tenantId);\n");
        d.append("         return ResponseEntity.ok(report);\n");
        d.append("     }\n");
        d.append(" \n");
        d.append("     @GetMapping(\"/tenants/{tenantId}/usage\")\n");
        d.append("     public UsageReport usage(@PathVariable String tenantId) {\n");
        return new FidelityCase("dependency_bump_40_files", "diff", "git_diff", d.toString(),
                "Review this dependency upgrade PR. Is anything besides version bumps changed?", needles, 0.25);
    }

    /** 30 classes moved from billing.legacy to billing.core (package line and imports), 6 resources moved as they are. */
    static FidelityCase packageMove(Random random) {
        StringBuilder d = new StringBuilder();
        List<String> needles = new ArrayList<>();
        needles.add(CHANGED_TIMEOUT);
        for (int i = 0; i < CLASSES.length; i++) {
            String name = CLASSES[i];
            String from = "billing/src/main/java/com/acme/billing/legacy/" + name + ".java";
            String to = "billing/src/main/java/com/acme/billing/core/" + name + ".java";
            needles.add(to);
            d.append("diff --git a/").append(from).append(" b/").append(to).append('\n');
            d.append("similarity index ").append(88 + random.nextInt(11)).append("%\n");
            d.append("rename from ").append(from).append('\n');
            d.append("rename to ").append(to).append('\n');
            d.append("index ").append(hex(random, 7)).append("..").append(hex(random, 7)).append(" 100644\n");
            d.append("--- a/").append(from).append('\n');
            d.append("+++ b/").append(to).append('\n');
            d.append("@@ -1,8 +1,8 @@\n");
            d.append("-package com.acme.billing.legacy;\n");
            d.append("+package com.acme.billing.core;\n");
            d.append(" \n");
            d.append(" import java.math.BigDecimal;\n");
            d.append(" import java.time.Instant;\n");
            String other = CLASSES[(i + 1 + random.nextInt(CLASSES.length - 1)) % CLASSES.length];
            d.append("-import com.acme.billing.legacy.").append(other).append(";\n");
            d.append("+import com.acme.billing.core.").append(other).append(";\n");
            d.append(" import com.acme.common.Money;\n");
            d.append(" import com.acme.common.TenantId;\n");
            d.append(" \n");
            if (name.equals("Settlement")) {
                d.append("@@ -27,7 +27,7 @@ public final class Settlement {\n");
                d.append("     private static final Logger LOG = LoggerFactory.getLogger(Settlement.class);\n");
                d.append("     private static final int MAX_BATCH = 500;\n");
                d.append("     private static final Duration GRACE = Duration.ofDays(3);\n");
                d.append("-    private static final int SETTLEMENT_TIMEOUT_MS = 3000;\n");
                d.append(CHANGED_TIMEOUT).append('\n');
                d.append(" \n");
                d.append("     private final LedgerClient ledger;\n");
                d.append("     private final Clock clock;\n");
            }
        }
        for (String res : new String[] {"schema.sql", "seed-currencies.sql", "statement-template.html",
                "invoice-template.html", "messages_en.properties", "messages_de.properties"}) {
            String from = "billing/src/main/resources/legacy/" + res;
            String to = "billing/src/main/resources/core/" + res;
            needles.add(to);
            d.append("diff --git a/").append(from).append(" b/").append(to).append('\n');
            d.append("similarity index 100%\n");
            d.append("rename from ").append(from).append('\n');
            d.append("rename to ").append(to).append('\n');
        }
        return new FidelityCase("package_move_36_files", "diff", "git_diff", d.toString(),
                "Summarise this refactoring PR and flag anything that is not a pure move.", needles, 0.25);
    }

    /** One file, two hunks: nothing to summarise, context trimmed only. */
    static FidelityCase smallFix(Random random) {
        StringBuilder d = new StringBuilder();
        String path = "billing/src/main/java/com/acme/billing/core/Rounding.java";
        fileHeader(d, path, random);
        d.append("@@ -12,7 +12,7 @@ public final class Rounding {\n");
        d.append("     }\n");
        d.append(" \n");
        d.append("     public static BigDecimal toCents(BigDecimal amount) {\n");
        d.append("-        return amount.setScale(2, RoundingMode.HALF_UP);\n");
        d.append(SMALL_FIX).append('\n');
        d.append("     }\n");
        d.append(" \n");
        d.append("     public static BigDecimal toMills(BigDecimal amount) {\n");
        return new FidelityCase("small_fix_1_file", "diff", "git_diff", d.toString(),
                "What does this fix change?", List.of(SMALL_FIX, "-        return amount.setScale(2, RoundingMode.HALF_UP);"), 0);
    }

    private static void fileHeader(StringBuilder d, String path, Random random) {
        d.append("diff --git a/").append(path).append(" b/").append(path).append('\n');
        d.append("index ").append(hex(random, 7)).append("..").append(hex(random, 7)).append(" 100644\n");
        d.append("--- a/").append(path).append('\n');
        d.append("+++ b/").append(path).append('\n');
    }

    private static String hex(Random random, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(Character.forDigit(random.nextInt(16), 16));
        return b.toString();
    }

    private static String base64(Random random, int n) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return b.append("==").toString();
    }
}
