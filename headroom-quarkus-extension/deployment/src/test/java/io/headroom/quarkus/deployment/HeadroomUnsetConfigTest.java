package io.headroom.quarkus.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.headroom.CacheAlignerConfig;
import io.headroom.CcrConfig;
import io.headroom.CodeCompressionConfig;
import io.headroom.ContextConfig;
import io.headroom.CrusherConfig;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.LimitsConfig;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Without a single quarkus.headroom key the application runs on exactly the core's defaults, slice by slice. */
class HeadroomUnsetConfigTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.http.test-port", "0");

    @Inject
    Headroom headroom;

    @Test
    void everySliceIsTheCoreDefault() {
        HeadroomConfig c = headroom.config();

        assertEquals(HeadroomConfig.DEFAULT_MODE, c.mode());
        assertEquals(CrusherConfig.defaults(), c.crusher());
        assertEquals(CcrConfig.defaults(), c.ccr());
        assertEquals(CacheAlignerConfig.defaults(), c.cacheAligner());
        assertEquals(CodeCompressionConfig.defaults(), c.codeCompression());
        assertEquals(ContextConfig.defaults(), c.context());
        assertEquals(LimitsConfig.defaults(), c.limits());
        assertEquals(HeadroomConfig.defaults(), c);
    }
}
