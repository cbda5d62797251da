package io.headroom.tck;

/** The limit scenarios in embedded Tomcat 11. */
class TomcatLimitsTest extends LimitScenarios {
    @Override
    protected ContainerUnderTest newContainer() {
        return new TomcatContainer();
    }
}
