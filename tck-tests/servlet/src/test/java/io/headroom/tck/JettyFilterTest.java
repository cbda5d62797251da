package io.headroom.tck;

/** The filter scenarios in embedded Jetty 12 (ee10). */
class JettyFilterTest extends FilterScenarios {
    @Override
    protected ContainerUnderTest newContainer() {
        return new JettyContainer();
    }
}
