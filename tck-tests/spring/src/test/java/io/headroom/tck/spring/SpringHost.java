package io.headroom.tck.spring;

import io.headroom.conformance.HostUnderTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Spring Boot application as a {@link HostUnderTest}: started in the test JVM with the contract's Headroom
 * options as {@code headroom.*} properties, which {@link HeadroomConfiguration} reads like any user's.
 */
public final class SpringHost implements HostUnderTest {
    private final Class<?> application;
    private final List<String> properties;
    private RunningApp app;

    /** {@code application} with these extra {@code key=value} properties. */
    public SpringHost(Class<?> application, String... properties) {
        this.application = application;
        this.properties = List.of(properties);
    }

    @Override
    public URI start(Map<String, String> headroomOptions) {
        List<String> all = new ArrayList<>(properties);
        headroomOptions.forEach((option, value) -> all.add("headroom." + option + "=" + value));
        app = RunningApp.start(application, all.toArray(String[]::new));
        return app.baseUri();
    }

    /** The running application; null before {@link #start}. */
    public RunningApp app() {
        return app;
    }

    @Override
    public void close() {
        if (app != null) {
            app.close();
        }
    }

    /** Body reads are bounded by the embedded Tomcat (its idle timeout), not by Headroom. */
    @Override
    public java.util.Set<io.headroom.conformance.Limitation> limitations() {
        return java.util.Set.of(io.headroom.conformance.Limitation.CONTAINER_BOUNDS_BODY_READS);
    }
}
