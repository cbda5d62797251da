package io.headroom.sample.savings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes the savings file ({@code proxy_savings.json}): the savings ledger and today's spend per
 * tenant ({@code tenant_spend}, absent in files of older gateways). Writes go to a temporary file in
 * the same directory that is then moved over the old one, so a crash never leaves a half-written
 * file. A file that cannot be parsed, in any part, is set aside as {@code <name>.corrupt} and tracking
 * starts afresh, with one WARN line.
 */
public final class SavingsFile {
    private static final Logger LOG = LoggerFactory.getLogger(SavingsFile.class);
    static final int FORMAT_VERSION = 1;

    private final Path path;
    private final ObjectMapper mapper = new ObjectMapper();

    public SavingsFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    public Path path() {
        return path;
    }

    /** What the file holds; {@code tenants} is null when it holds no tenant spend (written by an older gateway). */
    public record Contents(SavingsLedger.Snapshot savings, TenantSpend.Snapshot tenants) {
        public Contents {
            Objects.requireNonNull(savings, "savings");
        }
    }

    /** The stored snapshot, or empty when there is no file or it was corrupt (then moved aside). */
    public Optional<Contents> load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("savings file {} unreadable ({}); starting with empty savings", path, e.getClass().getSimpleName());
            return Optional.empty();
        }
        try {
            return Optional.of(parse(mapper.readTree(bytes)));
        } catch (IOException | RuntimeException e) {
            Path aside = path.resolveSibling(path.getFileName() + ".corrupt");
            String kept;
            try {
                Files.copy(path, aside, StandardCopyOption.REPLACE_EXISTING);
                kept = "kept as " + aside;
            } catch (IOException copyFailed) {
                kept = "could not keep a copy (" + copyFailed.getClass().getSimpleName() + ")";
            }
            LOG.warn("savings file {} is corrupt ({}); {}; starting with empty savings", path,
                    e.getClass().getSimpleName(), kept);
            return Optional.empty();
        }
    }

    /** Writes {@code contents} atomically (temporary file, then move), creating the directory if needed. */
    public void save(Contents contents) throws IOException {
        Path dir = path.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson(contents)));
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    JsonNode toJson(Contents contents) {
        SavingsLedger.Snapshot s = contents.savings();
        ObjectNode root = mapper.createObjectNode();
        root.put("version", FORMAT_VERSION);
        root.put("since", s.since().toString());
        root.set("lifetime", totals(s.lifetime()));
        ObjectNode hours = root.putObject("hourly");
        s.hourly().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> hours.set(e.getKey().toString(), totals(e.getValue())));
        if (contents.tenants() != null) {
            ObjectNode spend = root.putObject("tenant_spend");
            spend.put("day", contents.tenants().day().toString());
            ObjectNode tenants = spend.putObject("tenants");
            contents.tenants().spent().forEach(tenants::put);
        }
        return root;
    }

    private ObjectNode totals(SavingsTotals t) {
        return putTotals(mapper.createObjectNode(), t);
    }

    /**
     * Writes a set of totals under the seed's field names, as this file stores them and as the savings
     * endpoints report them; returns {@code n}.
     */
    public static ObjectNode putTotals(ObjectNode n, SavingsTotals t) {
        n.put("requests", t.requests());
        n.put("tokens_saved", t.tokensSaved());
        n.put("compression_savings_usd", t.savingsUsd());
        n.put("input_tokens", t.inputTokens());
        n.put("cost_usd", t.costUsd());
        return n;
    }

    static Contents parse(JsonNode root) {
        if (root == null || !root.isObject() || root.path("version").asInt(-1) != FORMAT_VERSION) {
            throw new IllegalArgumentException("not a savings file of format version " + FORMAT_VERSION);
        }
        Instant since = Instant.parse(root.path("since").asText());
        SavingsTotals lifetime = totals(root.get("lifetime"));
        Map<Instant, SavingsTotals> hourly = new LinkedHashMap<>();
        JsonNode hours = root.path("hourly");
        if (!hours.isObject()) {
            throw new IllegalArgumentException("hourly must be an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = hours.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            hourly.put(Instant.parse(e.getKey()), totals(e.getValue()));
        }
        return new Contents(new SavingsLedger.Snapshot(lifetime, since, hourly), tenantSpend(root.get("tenant_spend")));
    }

    private static TenantSpend.Snapshot tenantSpend(JsonNode n) {
        if (n == null) {
            return null;
        }
        JsonNode tenants = n.path("tenants");
        if (!n.isObject() || !tenants.isObject()) {
            throw new IllegalArgumentException("tenant_spend must be an object with a tenants object");
        }
        LocalDate day = LocalDate.parse(n.path("day").asText());
        Map<String, Double> spent = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tenants.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNumber()) {
                throw new IllegalArgumentException("tenant spend must be a number");
            }
            spent.put(e.getKey(), e.getValue().doubleValue()); // keys and amounts checked by the snapshot
        }
        return new TenantSpend.Snapshot(day, spent);
    }

    private static SavingsTotals totals(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("totals must be an object");
        }
        return new SavingsTotals(count(n, "requests"), count(n, "tokens_saved"), usd(n, "compression_savings_usd"),
                count(n, "input_tokens"), usd(n, "cost_usd"));
    }

    private static long count(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (!v.isIntegralNumber()) {
            throw new IllegalArgumentException(field + " must be a whole number");
        }
        return v.longValue();
    }

    private static double usd(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (!v.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        return v.doubleValue();
    }
}
