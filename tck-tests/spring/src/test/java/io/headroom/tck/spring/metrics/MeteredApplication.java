package io.headroom.tck.spring.metrics;

import io.headroom.servlet.FilterMeters;
import io.headroom.servlet.HeadroomFilter;
import io.headroom.tck.spring.boot.LlmBackendApplication;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The Spring Boot application of the conformance suite plus what the metrics page tells Spring users to add: one
 * {@code MeterBinder} bean for the registered filter, so Headroom's meters land in Spring Boot's registry and on
 * {@code /actuator/prometheus}.
 */
@SpringBootApplication(scanBasePackageClasses = LlmBackendApplication.class)
public class MeteredApplication {

    @Bean
    MeterBinder headroomMeters(FilterRegistrationBean<HeadroomFilter> registration) {
        return registry -> FilterMeters.of(registration.getFilter()).bindTo(registry);
    }
}
