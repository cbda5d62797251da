package io.headroom.tck.spring.boot;

import io.headroom.conformance.HostUnderTest;
import io.headroom.conformance.RetrieveResponseContract;
import io.headroom.tck.spring.SpringHost;

/**
 * The response-side contract against Headroom in a Spring Boot 3.5 application: the filter registered with a
 * {@code FilterRegistrationBean}, the {@code @RestController} relay behind it answering with a
 * {@code StreamingResponseBody}; the filter answers the model's calls.
 */
class SpringBootRetrieveResponseTest extends RetrieveResponseContract {
    @Override
    protected HostUnderTest newHost() {
        return new SpringHost(LlmBackendApplication.class, "spring.servlet.multipart.enabled=false");
    }
}
