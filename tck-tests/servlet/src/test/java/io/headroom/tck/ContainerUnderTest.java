package io.headroom.tck;

import java.net.URI;

/** A real servlet container started on a random loopback port with a {@link Deployment}. */
interface ContainerUnderTest extends AutoCloseable {

    /** Starts the container and returns its base URI, e.g. {@code http://127.0.0.1:43127}. */
    URI start(Deployment deployment) throws Exception;

    @Override
    void close() throws Exception;
}
