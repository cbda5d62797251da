package io.headroom.tck.spring.boot;

import io.headroom.conformance.HostUnderTest;
import io.headroom.conformance.RetrieveResponseContract;
import io.headroom.tck.spring.SpringHost;
import org.junit.jupiter.api.Disabled;

/**
 * The response-side contract against Headroom in a Spring Boot 3.5 application: the filter registered with a
 * {@code FilterRegistrationBean}, the {@code @RestController} relay behind it answering with a
 * {@code StreamingResponseBody}; the filter answers the model's calls.
 */
@Disabled("known gap (issue 14 item 1): the relay answers with a StreamingResponseBody (async), which the filter "
        + "cannot run again; it answers the first such request as written (the model's call reaches the client) and "
        + "then stops offering the tool. Enable once the filter re-runs async downstreams.")
class SpringBootRetrieveResponseTest extends RetrieveResponseContract {
    @Override
    protected HostUnderTest newHost() {
        return new SpringHost(LlmBackendApplication.class, "spring.servlet.multipart.enabled=false");
    }
}
