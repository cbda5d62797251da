package io.headroom.tck;

/** The limit scenarios in embedded Jetty 12 (ee10). */
class JettyLimitsTest extends LimitScenarios {
    @Override
    protected ContainerUnderTest newContainer() {
        return new JettyContainer();
    }
}
