package io.headroom.quarkus.deployment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Headroom;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Built with {@code quarkus.headroom.enabled=false}, started with {@code true}: Quarkus keeps the
 * build-time value and warns that the property cannot be changed at run time.
 */
class HeadroomEnabledFixedAtBuildTimeTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Fixtures.class, EchoResource.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.headroom.enabled", "false")
            .overrideRuntimeConfigKey("quarkus.headroom.enabled", "true")
            .setLogRecordPredicate(r -> r.getMessage() != null && r.getMessage().contains("quarkus.headroom.enabled"))
            .assertLogRecords(records -> assertTrue(records.stream().map(LogRecord::getMessage)
                    .anyMatch(m -> m.contains("Build time property cannot be changed at runtime")
                            && m.contains("quarkus.headroom.enabled")), () -> "mismatch warning expected, got " + records));

    @Test
    void theBuildTimeValueStays() {
        assertFalse(Arc.container().instance(Headroom.class).isAvailable());
        byte[] original = Fixtures.openAiChatRequest();

        Response r = given().contentType("application/json").body(original).post("/v1/chat/completions");

        assertArrayEquals(original, r.asByteArray());
        assertNull(r.header("x-headroom-compressed"));
    }
}
