package io.headroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/** Shared checks of the config slice tests. */
final class ConfigAssertions {
    private ConfigAssertions() {
    }

    /** {@code action} is refused with one typed error that names {@code option}, in its message too. */
    static InvalidConfigException assertRefused(String option, Executable action) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, action);
        assertEquals(option, e.option());
        assertEquals(ErrorType.CONFIGURATION_ERROR, e.type());
        assertTrue(e.getMessage().startsWith(option + ": "), e.getMessage());
        return e;
    }

    /**
     * The documented default of every option is what the default slice writes as its property ("" for an
     * option unset by default), and every option is documented once with a description.
     */
    static void assertDocumentedDefaults(List<ConfigOption> options, Map<String, String> defaultProperties) {
        assertEquals(options.size(), options.stream().map(ConfigOption::name).distinct().count(), "unique names");
        for (ConfigOption o : options) {
            if (o.name().contains("<tool>")) {
                continue; // a pattern, not a property of the default slice
            }
            assertEquals(o.defaultValue(), defaultProperties.getOrDefault(o.name(), ""), o.name());
            assertTrue(o.description().endsWith("."), o.name() + ": one sentence");
        }
    }
}
