package io.headroom.langchain4j;

import io.headroom.architecture.HostRules;
import org.junit.jupiter.api.Test;

class LangChain4jHostApiTest {
    @Test
    void usesOnlyTheCoreApiAndPublicFrameworkApi() {
        HostRules.assertUsesOnlyPublicApi("io.headroom.langchain4j", "io.headroom.sharedcontext");
    }
}
