package io.headroom.tck;

/** The filter scenarios in embedded Tomcat 11. */
class TomcatFilterTest extends FilterScenarios {
    @Override
    protected ContainerUnderTest newContainer() {
        return new TomcatContainer();
    }
}
