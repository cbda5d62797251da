package io.headroom;

import static io.headroom.ConfigAssertions.assertDocumentedDefaults;
import static io.headroom.ConfigAssertions.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CcrConfigTest {

    @Test
    void defaultsAreTheNamedConstants() {
        CcrConfig d = CcrConfig.defaults();
        assertEquals(CcrConfig.DEFAULT_ENABLED, d.enabled());
        assertEquals(CcrConfig.DEFAULT_TTL, d.ttl());
        assertEquals(Duration.ofHours(1), d.ttl(), "the original project's default");
        assertEquals(CcrConfig.DEFAULT_MAX_ENTRIES, d.maxEntries());
        assertEquals(Optional.empty(), d.diskPath(), "heap only unless a directory is given");
        assertEquals(CcrConfig.DEFAULT_DISK_SIZE_MB, d.diskSizeMb());
        assertEquals(CcrConfig.DEFAULT_INJECT_TOOL, d.injectTool());
        assertEquals(CcrDiskSync.NORMAL, d.diskSync(), "survives a process crash; fsync per put is opt-in");
        assertEquals(CcrConfig.DEFAULT_SCOPE_MAX_ENTRIES, d.scopeMaxEntries());
        assertEquals(CcrConfig.DEFAULT_SCOPE_MAX_BYTES, d.scopeMaxBytes());
        assertEquals(d, CcrConfig.builder().build());
        assertEquals(d, CcrConfig.fromProperties(key -> null));
        assertDocumentedDefaults(CcrConfig.OPTIONS, d.toProperties());
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                arguments(CcrConfig.TTL_SECONDS, (Executable) () -> CcrConfig.builder().ttl(Duration.ZERO)),
                arguments(CcrConfig.TTL_SECONDS, (Executable) () -> CcrConfig.builder().ttl(Duration.ofSeconds(-5))),
                arguments(CcrConfig.TTL_SECONDS, (Executable) () -> CcrConfig.builder().ttl(null)),
                arguments(CcrConfig.MAX_ENTRIES, (Executable) () -> CcrConfig.builder().maxEntries(0)),
                arguments(CcrConfig.DISK_SIZE_MB, (Executable) () -> CcrConfig.builder().diskSizeMb(-1)),
                arguments(CcrConfig.SCOPE_MAX_ENTRIES, (Executable) () -> CcrConfig.builder().scopeMaxEntries(0)),
                arguments(CcrConfig.SCOPE_MAX_BYTES, (Executable) () -> CcrConfig.builder().scopeMaxBytes(-1)),
                arguments(CcrConfig.SCOPE_MAX_BYTES, (Executable) () -> CcrConfig.fromMap(Map.of(CcrConfig.SCOPE_MAX_BYTES, "64MB"))),
                arguments(CcrConfig.DISK_SYNC, (Executable) () -> CcrConfig.builder().diskSync(null)),
                arguments(CcrConfig.DISK_SYNC, (Executable) () -> CcrConfig.fromMap(Map.of(CcrConfig.DISK_SYNC, "off"))),
                arguments(CcrConfig.TTL_SECONDS, (Executable) () -> CcrConfig.fromMap(Map.of(CcrConfig.TTL_SECONDS, "1h"))),
                arguments(CcrConfig.TTL_SECONDS, (Executable) () -> CcrConfig.fromMap(Map.of(CcrConfig.TTL_SECONDS, "0"))),
                arguments(CcrConfig.ENABLED, (Executable) () -> CcrConfig.fromMap(Map.of(CcrConfig.ENABLED, "on"))),
                arguments(CcrConfig.DISK_PATH, (Executable) () -> CcrConfig.fromMap(Map.of(CcrConfig.DISK_PATH, "bad\0path"))));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void everyRefusalNamesItsOption(String option, Executable action) {
        assertRefused(option, action);
    }

    @Test
    void propertiesRoundTrip() {
        CcrConfig custom = CcrConfig.builder().enabled(false).ttl(Duration.ofMinutes(5)).maxEntries(42)
                .diskPath(Path.of("target", "ccr")).diskSizeMb(64).diskSync(CcrDiskSync.FULL).scopeMaxEntries(7)
                .scopeMaxBytes(4096).injectTool(false).build();
        Map<String, String> properties = custom.toProperties();

        assertEquals("300", properties.get(CcrConfig.TTL_SECONDS));
        assertEquals("full", properties.get(CcrConfig.DISK_SYNC));
        assertEquals("4096", properties.get(CcrConfig.SCOPE_MAX_BYTES));
        assertEquals(custom, CcrConfig.fromMap(properties));
        assertEquals(custom, custom.toBuilder().build());
        assertEquals(custom.hashCode(), CcrConfig.fromMap(properties).hashCode());
    }
}
