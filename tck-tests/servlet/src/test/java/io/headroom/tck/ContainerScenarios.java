package io.headroom.tck;

import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Scenarios that run against one container per test class: a subclass names the container, starts it
 * from its {@code @BeforeAll} with its deployment, and the container is stopped after the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContainerScenarios {
    private ContainerUnderTest container;

    /** A new, not yet started container for this test class. */
    protected abstract ContainerUnderTest newContainer();

    /** Starts this class's container with {@code deployment}; its base URI. */
    protected final URI start(Deployment deployment) throws Exception {
        container = newContainer();
        return container.start(deployment);
    }

    @AfterAll
    void stopContainer() throws Exception {
        if (container != null) {
            container.close();
        }
    }
}
