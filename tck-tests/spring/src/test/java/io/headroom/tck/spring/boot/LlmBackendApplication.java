package io.headroom.tck.spring.boot;

import io.headroom.tck.spring.HeadroomConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * A Spring Boot application on embedded Tomcat that serves LLM endpoints itself ({@link RelayController})
 * and has Headroom registered as Spring users do ({@link HeadroomConfiguration}).
 */
@SpringBootApplication
@Import(HeadroomConfiguration.class)
public class LlmBackendApplication {
}
