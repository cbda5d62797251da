package io.headroom.docs;

import io.headroom.BodyReadConfig;
import io.headroom.CcrConfig;
import io.headroom.ConfigOption;
import io.headroom.CrusherConfig;
import io.headroom.HeadroomConfig;
import io.headroom.LimitsConfig;
import io.headroom.RetrieveConfig;
import java.util.List;
import java.util.Map;

/**
 * The "Compression options" reference of src-docs/configuration.md, rendered from the core's
 * {@link HeadroomConfig#OPTIONS}: names, types, defaults and meanings have one source, the config slices.
 * Only how each host spells an option lives here: the Quarkus property a duration or memory size
 * renames (as the extension's mapping does, checked by its CoreOptionsMappingTest), and the options a
 * host does not read.
 *
 * <p>Three columns, so the page stays readable at the site's content width: the option's names per
 * host stacked in the first, the default in the second, type and meaning in the third.
 */
final class ConfigReference {
    static final String BEGIN = "<!-- BEGIN GENERATED compression options: from HeadroomConfig.OPTIONS by ConfigReferenceTest, do not edit by hand -->";
    static final String END = "<!-- END GENERATED compression options -->";

    /** Core options the Quarkus extension types as a duration or memory size, with the example it takes. */
    private static final Map<String, QuarkusName> QUARKUS_RENAMED = Map.of(
            CcrConfig.TTL_SECONDS, new QuarkusName("ccr.ttl", "a duration", "1H"),
            LimitsConfig.MAX_BODY_BYTES, new QuarkusName("max-body-size", "a memory size", "32M"),
            LimitsConfig.COMPRESSION_DEADLINE_MS, new QuarkusName("compression-deadline", "a duration", "2S"),
            BodyReadConfig.BODY_READ_TIMEOUT_MS, new QuarkusName("body-read-timeout", "a duration", "30S"),
            BodyReadConfig.MAX_BUFFERED_BODY_BYTES, new QuarkusName("max-buffered-body-size", "a memory size", "256M"));

    /** Core options a host does not read, and why (shown in that host's cell). */
    private static final Map<String, String> NOT_IN_QUARKUS = Map.of(
            CrusherConfig.TOOL_PROFILES, "Quarkus finds the profiled tools from the keys");
    private static final Map<String, String> NOT_IN_SERVLET = Map.of(
            BodyReadConfig.BODY_READ_TIMEOUT_MS, "the container's idle timeout applies");

    /** Core options only some hosts read, and which. */
    private static final Map<String, String> ONLY_IN = Map.of(
            RetrieveConfig.SELF_URI, "JAX-RS filter; Quarkus REST: `quarkus.headroom.retrieve.self-uri` (not the servlet "
                    + "filter: it runs its chain again in-process)");

    private record QuarkusName(String property, String kind, String defaultValue) {
    }

    private ConfigReference() {
    }

    /** The generated block, markers included, as it must stand in the page. */
    static String render() {
        return render(HeadroomConfig.OPTIONS);
    }

    static String render(List<ConfigOption> options) {
        StringBuilder out = new StringBuilder();
        out.append(BEGIN).append('\n');
        out.append("| Option (servlet init-param / Quarkus property) | Default | Meaning |\n");
        out.append("| --- | --- | --- |\n");
        for (ConfigOption o : options) {
            out.append("| ").append(names(o))
                    .append(" | ").append(defaultValue(o))
                    .append(" | ").append(meaning(o))
                    .append(" |\n");
        }
        out.append(END).append('\n');
        return out.toString();
    }

    private static String names(ConfigOption o) {
        if (ONLY_IN.containsKey(o.name())) {
            return "`" + o.name() + "`<br>" + ONLY_IN.get(o.name());
        }
        String servlet = NOT_IN_SERVLET.containsKey(o.name())
                ? "~~`" + o.name() + "`~~ (servlet: " + NOT_IN_SERVLET.get(o.name()) + ")"
                : "`" + o.name() + "`";
        String quarkus;
        if (NOT_IN_QUARKUS.containsKey(o.name())) {
            quarkus = "servlet only (" + NOT_IN_QUARKUS.get(o.name()) + ")";
        } else {
            QuarkusName renamed = QUARKUS_RENAMED.get(o.name());
            quarkus = "`quarkus.headroom." + (renamed == null ? o.name() : renamed.property()) + "`";
        }
        return servlet + "<br>" + quarkus;
    }

    private static String defaultValue(ConfigOption o) {
        if (o.defaultValue().isEmpty()) {
            return "unset";
        }
        QuarkusName renamed = QUARKUS_RENAMED.get(o.name());
        String core = code(o.defaultValue());
        return renamed == null ? core : core + "<br>Quarkus: `" + renamed.defaultValue() + "`";
    }

    private static String meaning(ConfigOption o) {
        QuarkusName renamed = QUARKUS_RENAMED.get(o.name());
        String type = "*" + cell(o.type()) + (renamed == null ? "" : "; Quarkus: " + renamed.kind()) + ".* ";
        return type + cell(o.description());
    }

    private static String code(String value) {
        return "`" + value.replace("|", "`, `") + "`";
    }

    /** Text safe inside a table cell: a pipe would end the cell, a choice list reads better with commas. */
    private static String cell(String text) {
        return text.replace("|", ", ").replace("\n", " ");
    }
}
