package io.headroom.quarkus.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.headroom.BodyReadConfig;
import io.headroom.CacheAlignerConfig;
import io.headroom.CcrConfig;
import io.headroom.CodeCompressionConfig;
import io.headroom.ConfigOption;
import io.headroom.ContextConfig;
import io.headroom.CrusherConfig;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.LimitsConfig;
import io.headroom.ToolProfile;
import io.quarkus.runtime.annotations.ConfigDocDefault;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The defaults the generated config reference shows ({@code @ConfigDocDefault}) are the core's: the
 * application is started with every documented default set explicitly, so each goes through the Quarkus
 * converters (durations, memory sizes, enums) and the extension's mapping onto the core, and the result
 * must be the core's defaults. A changed core default fails here until its documented default follows.
 */
class DocumentedDefaultsTest {
    /** Stands in for {@code <tool>} in the per-tool keys, so their documented defaults are set too. */
    private static final String TOOL = "documented-defaults-tool";

    @RegisterExtension
    static final QuarkusUnitTest APP = withDocumentedDefaults(new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(MappingProperties.class))
            .overrideConfigKey("quarkus.http.test-port", "0"));

    @Inject
    Headroom headroom;

    @Inject
    BodyReadConfig bodyRead;

    @Test
    void documentedDefaultsAreTheCoreDefaults() {
        HeadroomConfig c = headroom.config();

        assertEquals(HeadroomConfig.DEFAULT_MODE, c.mode());
        assertEquals(LimitsConfig.defaults(), c.limits());
        assertEquals(BodyReadConfig.defaults(), bodyRead);
        assertEquals(CcrConfig.defaults(), c.ccr());
        assertEquals(CacheAlignerConfig.defaults(), c.cacheAligner());
        assertEquals(CodeCompressionConfig.defaults(), c.codeCompression());
        assertEquals(ContextConfig.defaults(), c.context());
        assertEquals(Map.of(TOOL, ToolProfile.DEFAULTS), c.crusher().toolProfiles());
        assertEquals(CrusherConfig.defaults().toBuilder().toolProfile(TOOL, ToolProfile.DEFAULTS).build(), c.crusher());
    }

    @Test
    void everyCoreDefaultIsDocumented() {
        Set<String> documented = documentedDefaults().keySet();
        Set<String> undocumented = new TreeSet<>();
        for (ConfigOption o : HeadroomConfig.OPTIONS) {
            String property = MappingProperties.RENAMED.getOrDefault(o.name(), o.name());
            if (!o.defaultValue().isEmpty() && !documented.contains(property)) {
                undocumented.add(property);
            }
        }
        assertEquals(Set.of(), undocumented, "core options with a default but no @ConfigDocDefault");
    }

    /** Every documented default by property (without the prefix), per-tool keys written {@code <tool>}. */
    private static Map<String, String> documentedDefaults() {
        Map<String, String> out = new TreeMap<>();
        MappingProperties.all().forEach((property, method) -> documentedDefault(method)
                .ifPresent(value -> out.put(property, value)));
        return out;
    }

    private static Optional<String> documentedDefault(Method m) {
        return Optional.ofNullable(m.getAnnotation(ConfigDocDefault.class)).map(ConfigDocDefault::value);
    }

    private static QuarkusUnitTest withDocumentedDefaults(QuarkusUnitTest app) {
        documentedDefaults().forEach((property, value) ->
                app.overrideConfigKey("quarkus.headroom." + property.replace("<tool>", TOOL), value));
        return app;
    }
}
