package io.headroom.sample.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.headroom.RetrieveConfig;
import io.headroom.sample.GatewayOptions;
import io.headroom.sample.GatewayOptions.GatewayOption;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The gateway table of src-docs/configuration.md is the one {@link GatewayOptions} renders, and every row agrees with
 * what the gateway reads: the environment variables application.properties maps onto the property, and the default
 * there, in a {@code @ConfigMapping}'s {@code @WithDefault} or in a {@code @ConfigProperty}'s {@code defaultValue}.
 * Regenerate the page with {@code -Dheadroom.docs.regenerate=true}.
 */
class GatewayConfigReferenceTest {
    private static final String REGENERATE = "headroom.docs.regenerate";
    private static final Path PAGE = Path.of("..", "src-docs", "configuration.md");
    private static final Path PROPERTIES = Path.of("src", "main", "resources", "application.properties");
    private static final Pattern ENV = Pattern.compile("`((?:HEADROOM|OPENAI|ANTHROPIC)_[A-Z_]+)`");
    /** The gateway's @ConfigMapping interfaces (nested groups are followed). */
    private static final List<Class<?>> MAPPINGS = List.of(io.headroom.sample.GatewayConfig.class,
            io.headroom.sample.RetrievalConfig.class, io.headroom.sample.mcp.McpConfig.class);
    /** Classes that read options with @ConfigProperty. */
    private static final List<String> READERS = List.of("AdminAccess", "SavingsTracker", "UpstreamReachability",
            "TenantScopes", "CorsPolicy", "ProxyTokenGate", "RequestBodies", "PayloadLimit");
    /** Defaults that live in the core, not in the gateway's own config. */
    private static final Map<String, String> CORE_DEFAULTS = Map.of("headroom.retrieve.round-timeout",
            Duration.ofMillis(RetrieveConfig.DEFAULT_ROUND_TIMEOUT_MS).toMinutes() + "m");

    @Test
    void committedTableIsTheGeneratedOne() throws IOException {
        String text = Files.readString(PAGE, StandardCharsets.UTF_8);
        int begin = text.indexOf(GatewayOptions.BEGIN);
        int end = text.indexOf(GatewayOptions.END);
        assertTrue(begin >= 0 && end > begin, PAGE + " has no generated gateway table");
        String committed = text.substring(begin, end + GatewayOptions.END.length() + 1);
        String generated = GatewayOptions.renderTable();
        if (committed.equals(generated)) {
            return;
        }
        if (Boolean.getBoolean(REGENERATE)) {
            Files.writeString(PAGE, text.substring(0, begin) + generated
                    + text.substring(end + GatewayOptions.END.length() + 1), StandardCharsets.UTF_8);
            return;
        }
        fail(PAGE + " differs from GatewayOptions; regenerate with -D" + REGENERATE + "=true");
    }

    @Test
    void everyRowAgreesWithWhatTheGatewayReads() throws Exception {
        Map<String, String> declared = declaredDefaults();
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(PROPERTIES, StandardCharsets.UTF_8)) {
            props.load(r);
        }
        List<String> problems = new ArrayList<>();
        Set<String> documented = new LinkedHashSet<>();
        for (GatewayOption o : GatewayOptions.OPTIONS) {
            documented.add(o.property());
            Set<String> envShown = new LinkedHashSet<>();
            if (o.environment() != null) {
                Matcher m = ENV.matcher(o.environment());
                while (m.find()) {
                    envShown.add(m.group(1));
                }
            }
            String value = props.getProperty(o.property());
            String actualDefault;
            if (value != null) {
                Expression e = Expression.parse(value.strip());
                for (String env : e.environment()) {
                    if (!envShown.contains(env)) {
                        problems.add(o.property() + ": application.properties reads " + env + ", the page does not say so");
                    }
                }
                actualDefault = e.defaultValue();
            } else {
                actualDefault = declared.get(o.property()) != null ? declared.get(o.property())
                        : CORE_DEFAULTS.get(o.property());
            }
            String expected = o.defaultValue();
            String actual = actualDefault == null || actualDefault.isEmpty() ? null
                    : actualDefault.replace("${user.home}", "~");
            if (!java.util.Objects.equals(expected, actual)) {
                problems.add(o.property() + ": the page says " + expected + ", the gateway's default is " + actual);
            }
        }
        for (String property : declared.keySet()) {
            if (property.startsWith("headroom.") && !documented.contains(property) && !UNDOCUMENTED.contains(property)) {
                problems.add(property + ": read by the gateway with a default, missing from the page");
            }
        }
        assertEquals(List.of(), problems);
    }

    /** Options read with a default that the page leaves out on purpose (MCP transport details). */
    private static final Set<String> UNDOCUMENTED = Set.of("headroom.mcp.enabled",
            "headroom.mcp.session-idle-timeout", "headroom.mcp.keep-alive-interval");

    /** property -> default, from the @ConfigMapping interfaces and the @ConfigProperty readers. */
    private static Map<String, String> declaredDefaults() throws ClassNotFoundException {
        Map<String, String> out = new HashMap<>();
        for (Class<?> mapping : MAPPINGS) {
            collect(mapping.getAnnotation(ConfigMapping.class).prefix(), mapping, out);
        }
        for (String name : READERS) {
            Class<?> reader = Class.forName("io.headroom.sample." + name);
            for (Constructor<?> c : reader.getDeclaredConstructors()) {
                for (Parameter p : c.getParameters()) {
                    ConfigProperty cp = p.getAnnotation(ConfigProperty.class);
                    if (cp != null) {
                        out.put(cp.name(), ConfigProperty.UNCONFIGURED_VALUE.equals(cp.defaultValue()) ? null : cp.defaultValue());
                    }
                }
            }
        }
        return out;
    }

    private static void collect(String prefix, Class<?> group, Map<String, String> out) {
        for (Method m : group.getDeclaredMethods()) {
            if (m.getParameterCount() != 0 || m.isDefault() || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            String name = prefix + "." + m.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
            if (m.getReturnType().isInterface() && m.getReturnType().getEnclosingClass() == group) {
                collect(name, m.getReturnType(), out);
                continue;
            }
            WithDefault d = m.getAnnotation(WithDefault.class);
            out.put(name, d == null ? null : d.value());
        }
    }

    /** A property value: {@code ${ENV:default}}, possibly nested ({@code ${A:${B:x}}}), or a plain value. */
    private record Expression(List<String> environment, String defaultValue) {
        static Expression parse(String value) {
            List<String> env = new ArrayList<>();
            String rest = value;
            while (rest.startsWith("${") && rest.endsWith("}")) {
                String inner = rest.substring(2, rest.length() - 1);
                int colon = inner.indexOf(':');
                if (colon < 0) {
                    break;
                }
                env.add(inner.substring(0, colon));
                rest = inner.substring(colon + 1);
            }
            return new Expression(env, rest);
        }
    }
}
