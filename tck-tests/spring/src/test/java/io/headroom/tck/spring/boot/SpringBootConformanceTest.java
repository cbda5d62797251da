package io.headroom.tck.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.headroom.conformance.ConformanceContract;
import io.headroom.conformance.HostUnderTest;
import io.headroom.tck.spring.SpringHost;
import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * The conformance contract against Headroom in a Spring Boot 3.5 application on embedded Tomcat 10.1: the
 * filter registered with a {@code FilterRegistrationBean}, a {@code @RestController} behind it.
 */
class SpringBootConformanceTest extends ConformanceContract {
    private final SpringHost host = new SpringHost(LlmBackendApplication.class,
            "spring.servlet.multipart.enabled=false"); // the relay forwards multipart bodies as sent

    @Override
    protected HostUnderTest newHost() {
        return host;
    }

    /** Part of the supported range: the filter runs in a Servlet 6.0 container here (Tomcat 11 is 6.1). */
    @Test
    void applicationRunsOnServlet60() throws Exception {
        client();
        ServletContext servlet = ((ServletWebServerApplicationContext) host.app().context()).getServletContext();
        assertEquals("6.0", servlet.getMajorVersion() + "." + servlet.getMinorVersion());
    }

    /** A plain Boot application: the gateway's auto-configuration (and its servlet filters) is not on this class path. */
    @Test
    void applicationHasNoSpringCloudGateway() {
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName("org.springframework.cloud.gateway.server.mvc.GatewayServerMvcAutoConfiguration"));
    }
}
