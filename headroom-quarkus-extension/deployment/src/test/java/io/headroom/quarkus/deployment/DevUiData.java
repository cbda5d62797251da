package io.headroom.quarkus.deployment;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads what the Dev UI of a running dev-mode application serves as its build-time data. */
final class DevUiData {
    private static final String EXTENSIONS = "export const extensions = ";

    private DevUiData() {
    }

    /** The card pages the Dev UI lists for the extension with this namespace (empty when it has no card). */
    static List<JsonNode> cardPages(String namespace) {
        List<JsonNode> pages = new ArrayList<>();
        for (JsonNode extension : extensions().get("active")) {
            if (namespace.equals(extension.path("namespace").asText()) && extension.has("cardPages")) {
                extension.get("cardPages").forEach(pages::add);
            }
        }
        return pages;
    }

    private static JsonNode extensions() {
        String js = given().get("/q/dev-ui/devui-data.js").then().statusCode(200).extract().asString();
        for (String line : js.split("\n")) {
            if (line.startsWith(EXTENSIONS)) {
                return Fixtures.parse(line.substring(EXTENSIONS.length(), line.lastIndexOf(';')).getBytes());
            }
        }
        throw new AssertionError("the Dev UI data has no extensions list");
    }
}
