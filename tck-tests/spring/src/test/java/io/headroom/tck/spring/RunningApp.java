package io.headroom.tck.spring;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One Spring Boot application started in the test JVM on a random loopback port, with cleartext HTTP/2
 * (h2c, Tomcat's {@code Upgrade: h2c} and prior knowledge) next to HTTP/1.1 on that port.
 */
public final class RunningApp implements AutoCloseable {
    private final ConfigurableApplicationContext context;

    private RunningApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts {@code application} with these {@code key=value} properties on top of the test defaults. */
    public static RunningApp start(Class<?> application, String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "server.port=0",
                "server.address=127.0.0.1",
                "server.http2.enabled=true",
                "spring.main.banner-mode=off"));
        all.addAll(List.of(properties));
        return new RunningApp(new SpringApplicationBuilder(application).properties(all.toArray(String[]::new)).run());
    }

    public URI baseUri() {
        int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
        return URI.create("http://127.0.0.1:" + port);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
