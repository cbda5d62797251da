package io.headroom.sample;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.Headroom;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What was learned from retrievals shows in the gateway's {@code /stats} ({@code learning} block) and
 * {@code /metrics} ({@code headroom_toin_*}), with the numbers of {@code Headroom.stats()}.
 */
@QuarkusTest
@WithTestResource(UpstreamStubResource.class)
class LearningStatsGatewayTest {
    /** A signature no test tool has: importing it changes no compression. */
    private static final String SIGNATURE = "0123456789abcdef0badc0de";

    @Inject
    Headroom headroom;

    @AfterEach
    void forget() {
        headroom.learning().reset();
    }

    @Test
    void aLearnedPatternIsCountedInStatsAndMetrics() {
        ObjectNode state = new ObjectMapper().createObjectNode().put("version", 1);
        ObjectNode pattern = state.putObject("patterns").putObject(SIGNATURE);
        pattern.put("tool_name", "search_tickets").put("total_compressions", 40).put("total_retrievals", 15)
                .put("search_retrievals", 15).putObject("value_retrieval_frequency").put("component=billing", 15);
        headroom.learning().importState(state);
        assertEquals(1, headroom.stats().learnedPatterns());

        JsonPath stats = given().get("/stats").then().statusCode(200).extract().jsonPath();
        assertEquals(1, stats.getLong("learning.learned_patterns"));
        assertEquals(headroom.stats().hintApplications(), stats.getLong("learning.hint_applications"));

        String metrics = given().get("/metrics").then().statusCode(200).extract().asString();
        assertEquals(1.0, sample(metrics, "headroom_toin_learned_patterns"));
        assertEquals((double) headroom.stats().hintApplications(), sample(metrics, "headroom_toin_hint_applications_total"));
        assertTrue(metrics.contains("# TYPE headroom_toin_learned_patterns gauge"));
    }

    private static double sample(String text, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(text);
        assertTrue(m.find(), name + " in " + text);
        return Double.parseDouble(m.group(1));
    }
}
