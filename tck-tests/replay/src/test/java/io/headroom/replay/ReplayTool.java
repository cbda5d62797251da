package io.headroom.replay;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One of the session's five tools: the output it returns on a turn (80 items from a fixed seed) and what the
 * agent's answer needs from it (the needles). Four tools need the items holding one value of a field with twenty
 * equally common values — nothing marks them out statistically, so compression without learning keeps them only
 * by chance; the fifth needs only its first item (always kept), so it is never retrieved.
 */
enum ReplayTool {
    SEARCH_TICKETS("search_tickets", "TCK", "component", "billing",
            List.of("auth", "search", "billing", "ui", "mobile", "storage", "network", "reports", "import", "export",
                    "email", "calendar", "chat", "admin", "audit", "api", "sdk", "docs", "infra", "payments")),
    LIST_DEPLOYMENTS("list_deployments", "DEP", "service", "checkout-api",
            List.of("checkout-api", "cart-api", "user-api", "search-api", "media-svc", "mailer", "gateway", "ledger",
                    "pricing", "catalog", "reviews", "shipping", "tax-svc", "fraud", "loyalty", "notify", "ads",
                    "recs", "geo", "sessions")),
    QUERY_ORDERS("query_orders", "ORD", "customer", "acme-corp",
            List.of("acme-corp", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "wonka", "tyrell",
                    "cyberdyne", "soylent", "oscorp", "vandelay", "pied-piper", "gringotts", "monarch", "dunder",
                    "massive", "aperture", "black-mesa")),
    LIST_ALERTS("list_alerts", "ALR", "rule", "disk-pressure",
            List.of("disk-pressure", "cpu-high", "mem-high", "latency-p99", "queue-depth", "cert-expiry", "dns-fail",
                    "pod-restart", "gc-pause", "conn-pool", "5xx-rate", "replica-lag", "backup-age", "quota-near",
                    "thread-pool", "cache-miss", "slow-query", "node-drain", "io-wait", "fd-limit")),
    BUILD_STATUS("build_status", "BLD", "branch", null,
            List.of("main", "release-1", "release-2", "feat-a", "feat-b", "feat-c", "fix-1", "fix-2", "fix-3",
                    "chore-1", "chore-2", "exp-1", "exp-2", "exp-3", "docs-1", "docs-2", "perf-1", "perf-2",
                    "sec-1", "sec-2"));

    static final int ITEMS = 80;
    private static final String[] STATES = {"open", "in_progress", "waiting", "resolved"};
    private static final String[] WORDS = {"alpha", "bravo", "delta", "echo", "foxtrot", "golf", "hotel", "india",
            "kilo", "lima", "mike", "oscar", "papa", "quebec", "romeo", "sierra", "tango", "victor", "whiskey", "yankee"};

    final String toolName;
    private final String idPrefix;
    final String field;
    /** The value whose items the answer needs; null: the answer needs the first item only. */
    final String needleValue;
    private final List<String> values;

    ReplayTool(String toolName, String idPrefix, String field, String needleValue, List<String> values) {
        this.toolName = toolName;
        this.idPrefix = idPrefix;
        this.field = field;
        this.needleValue = needleValue;
        this.values = values;
    }

    /** The output of turn {@code turn} and the ids its answer needs. */
    Output output(int turn, long seed) {
        Random random = new Random(seed * 1_000_003L + turn);
        int needles = needleValue == null ? 0 : 2 + random.nextInt(3);
        List<Integer> needleAt = new ArrayList<>();
        while (needleAt.size() < needles) {
            int at = 5 + random.nextInt(ITEMS - 10); // in the middle, away from the always-kept head and tail
            if (!needleAt.contains(at)) needleAt.add(at);
        }
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        List<String> wanted = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            String id = idPrefix + "-" + turn + "-" + (1000 + i);
            String value;
            if (needleAt.contains(i)) {
                value = needleValue;
            } else {
                do {
                    value = values.get(random.nextInt(values.size()));
                } while (value.equals(needleValue));
            }
            ObjectNode item = items.addObject();
            item.put("id", id);
            item.put(field, value);
            item.put("summary", WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " "
                    + WORDS[random.nextInt(WORDS.length)] + " change " + (100 + random.nextInt(900)));
            item.put("state", STATES[random.nextInt(STATES.length)]);
            item.put("owner", "user" + random.nextInt(40));
            item.put("updated", String.format("2026-03-%02dT%02d:%02d:00Z", 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60)));
            item.put("size", 200 + random.nextInt(50));
            if (needleAt.contains(i) || (needleValue == null && i == 0)) wanted.add(id);
        }
        return new Output(items.toString(), wanted);
    }

    /** A tool output and the ids of the items the answer needs. */
    record Output(String json, List<String> needles) {
    }
}
