package io.headroom.tck.spring.retrieve;

import io.headroom.tck.spring.RunningApp;
import java.net.URI;
import java.util.stream.Stream;

/**
 * The retrieve loop in a Spring Boot 3.5 application on embedded Tomcat 10.1 whose {@code @RestController} calls the
 * provider itself: answering synchronously ({@code ResponseEntity<byte[]>}) and asynchronously
 * ({@code StreamingResponseBody}, written on Spring MVC's task executor after {@code startAsync}).
 */
class SpringBootRetrieveTest extends RetrieveLoopContract {
    private RunningApp app;

    @Override
    protected URI start(String upstream) {
        app = RunningApp.start(ForwardingApplication.class, "llm.upstream=" + upstream);
        return app.baseUri();
    }

    @Override
    protected void stop() {
        app.close();
    }

    @Override
    protected Stream<String[]> relays() {
        return Stream.of(new String[0], new String[] {ForwardingApplication.STREAMING, "true"});
    }
}
