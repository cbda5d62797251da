package io.headroom.tck.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.CompressResult;
import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.RetrieveResult;
import io.headroom.conformance.LlmRequests;
import java.nio.file.Path;
import org.apache.catalina.util.ServerInfo;
import org.ehcache.CacheManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootVersion;

/**
 * The supported-range claim for Spring Boot 3.5: this JVM really runs Headroom on the versions Spring Boot's
 * BOM brings (not the Quarkus BOM's the rest of the build uses), and Headroom's Ehcache store works on them.
 * The host tests of this module run on the same class path.
 */
class SpringVersionsTest {

    @Test
    void classPathHoldsTheVersionsOfSpringBoot35() {
        assertEquals("3.5.7", SpringBootVersion.getVersion());
        assertTrue(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString().startsWith("2.19."),
                "jackson-databind " + com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION);
        assertEquals(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString(),
                com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString(), "jackson-core and jackson-databind differ");
        assertTrue(CacheManager.class.getPackage().getImplementationVersion().startsWith("3.10."),
                "ehcache " + CacheManager.class.getPackage().getImplementationVersion());
        assertTrue(ServerInfo.getServerNumber().startsWith("10.1."), "tomcat " + ServerInfo.getServerNumber());
    }

    /** Compress, close, reopen on the same disk tier, retrieve: the whole CCR path on Ehcache 3.10. */
    @Test
    void originalsSurviveARestartOnTheEhcacheOfSpringBoot(@TempDir Path ccrDir) throws Exception {
        HeadroomConfig config = HeadroomConfig.builder().ccrDiskPath(ccrDir).build();
        JsonNode request = new ObjectMapper().readTree(LlmRequests.openAiChat());
        String hash;
        try (Headroom headroom = Headroom.create(config)) {
            CompressResult result = headroom.compress(request);
            assertTrue(result.tokensSaved() > 0);
            assertFalse(result.ccrHashes().isEmpty(), "nothing was stored in CCR");
            hash = result.ccrHashes().get(0);
        }
        try (Headroom reopened = Headroom.create(config)) {
            RetrieveResult original = reopened.retrieve(hash, null);
            assertEquals(LlmRequests.logs(), original.originalContent());
        }
    }
}
