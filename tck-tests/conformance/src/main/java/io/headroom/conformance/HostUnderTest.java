package io.headroom.conformance;

import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * One host with Headroom installed the way its users install it, in front of a downstream that relays
 * every request to the {@link RecordingStub}. This is all a host test implements; the assertions live
 * in {@link ConformanceContract} and are the same for every host.
 *
 * <p>What a host must provide, on one loopback port, over HTTP/1.1 <em>and</em> cleartext HTTP/2
 * (h2c: {@code Upgrade: h2c} on a request without a body is enough; prior knowledge is welcome too):
 * <ul>
 *   <li>Headroom in front of every path, configured with {@code headroomOptions} (the core's option
 *       names, e.g. {@code max-body-bytes}; a servlet host passes them as init-params, Quarkus as
 *       {@code quarkus.headroom.*}, Spring as its properties) and otherwise with its defaults.</li>
 *   <li>Behind it, for every method and path, the application's downstream: a handler that reads the
 *       body the way that host's applications do and hands it to
 *       {@link io.headroom.conformance.downstream.DownstreamRelay} (ready-made for Servlet, JAX-RS and
 *       Vert.x in that package), which forwards it to the stub and streams the stub's answer back. A
 *       host whose downstream is itself a proxy (Spring Cloud Gateway) may instead route every path to
 *       {@link RecordingStub#uri()}: the stub then records the headers it really received.</li>
 * </ul>
 *
 * <p>Lifecycle: {@link #start} is called once per test class (or lazily once per test instance for
 * frameworks that create their own instances, such as QuarkusUnitTest), {@link #close} after the class.
 * A framework-managed host (@SpringBootTest, QuarkusUnitTest) starts before the contract runs: its
 * {@code start} only returns the base URI the framework chose, and its configuration must use
 * {@link ConformanceContract#HEADROOM_OPTIONS}.
 */
public interface HostUnderTest extends AutoCloseable {

    /**
     * Starts the host on a random loopback port with Headroom configured by {@code headroomOptions}.
     *
     * @return the base URI, e.g. {@code http://127.0.0.1:41234}; the contract appends
     *         {@code /v1/chat/completions} and the other paths to it
     */
    URI start(Map<String, String> headroomOptions) throws Exception;

    /**
     * What this host documents it cannot do; the contract then asserts the documented behaviour instead
     * of the target one, so the limitation stays visible in the test report. Empty for a conforming host.
     */
    default Set<Limitation> limitations() {
        return Set.of();
    }

    /** Stops the host; nothing to do for a framework-managed one. */
    @Override
    void close() throws Exception;

    /**
     * A host a test framework has already started (@SpringBootTest, QuarkusUnitTest) at {@code base},
     * configured with {@link ConformanceContract#HEADROOM_OPTIONS}; the framework also stops it.
     */
    static HostUnderTest running(URI base, Limitation... limitations) {
        java.util.Objects.requireNonNull(base, "base: the framework has not injected the host's URI");
        Set<Limitation> documented = Set.of(limitations);
        return new HostUnderTest() {
            @Override
            public URI start(Map<String, String> headroomOptions) {
                return base;
            }

            @Override
            public Set<Limitation> limitations() {
                return documented;
            }

            @Override
            public void close() {
            }
        };
    }
}
