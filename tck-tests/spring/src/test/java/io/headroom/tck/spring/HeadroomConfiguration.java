// src-docs/hosts/spring-boot.md shows everything after the package line verbatim (SpringDocsTest keeps them equal).
package io.headroom.tck.spring;

import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import io.headroom.servlet.HeadroomFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Headroom for a Spring Boot application or a Spring Cloud Gateway Server MVC gateway: one {@link Headroom}
 * built from the {@code headroom.*} properties (application.properties, environment variables such as
 * {@code HEADROOM_MODE}, the command line), and the servlet filter in front of {@code /v1/*}.
 */
@Configuration(proxyBeanMethods = false)
public class HeadroomConfiguration {

    /** E.g. {@code headroom.mode=audit}; an invalid value stops start-up, naming the option. Closed on shutdown. */
    @Bean(destroyMethod = "close")
    Headroom headroom(Environment environment) {
        return Headroom.create(HeadroomConfig.fromProperties(option -> environment.getProperty("headroom." + option)));
    }

    /**
     * The default order puts the filter after Spring Boot's own filters and Spring Security, none of which
     * reads a JSON body, and before the DispatcherServlet (controllers and gateway routes).
     */
    @Bean
    FilterRegistrationBean<HeadroomFilter> headroomFilter(Headroom headroom) {
        FilterRegistrationBean<HeadroomFilter> registration = new FilterRegistrationBean<>(new HeadroomFilter(headroom));
        registration.addUrlPatterns("/v1/*");
        return registration;
    }
}
