package io.headroom.tck.spring.gateway;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;

import io.headroom.tck.spring.HeadroomConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * An existing Spring Cloud Gateway Server MVC gateway that forwards every {@code /v1/**} request to the
 * LLM provider at {@code llm.upstream}; adding Headroom took only {@link HeadroomConfiguration}. The gateway
 * sends a body it read from a (wrapped) request upstream with {@code Transfer-Encoding: chunked}.
 */
@SpringBootApplication
@Import(HeadroomConfiguration.class)
public class LlmGatewayApplication {

    @Bean
    RouterFunction<ServerResponse> llmRoute(@Value("${llm.upstream}") String upstream) {
        return route("llm").route(RequestPredicates.path("/v1/**"), http()).before(uri(upstream)).build();
    }
}
