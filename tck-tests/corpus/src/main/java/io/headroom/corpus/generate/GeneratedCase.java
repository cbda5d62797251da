package io.headroom.corpus.generate;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headroom.corpus.PythonJson;

/** One corpus case as written to {@code <name>.json}; {@code tokenBudget} is 0 when the case has none. */
record GeneratedCase(String name, String endpoint, String model, String query, int tokenBudget, ObjectNode expect,
        ObjectNode request) {

    String toJson() {
        ObjectNode file = JsonNodeFactory.instance.objectNode();
        file.put("name", name);
        file.put("endpoint", endpoint);
        file.put("model", model);
        file.put("query", query);
        if (tokenBudget > 0) {
            file.put("token_budget", tokenBudget);
        }
        file.set("expect", expect);
        file.set("request", request);
        return PythonJson.dumps(file) + "\n";
    }
}
