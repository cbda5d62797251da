package io.headroom.quarkus.deployment;

import io.headroom.Headroom;
import io.headroom.quarkus.runtime.HeadroomInterception;
import io.headroom.quarkus.runtime.HeadroomMicrometerBinding;
import io.headroom.quarkus.runtime.HeadroomProducer;
import io.headroom.quarkus.runtime.HeadroomReadinessCheck;
import io.headroom.quarkus.runtime.HeadroomRecorder;
import io.headroom.quarkus.runtime.HeadroomRestBodyFilter;
import io.headroom.quarkus.runtime.HeadroomRestResponseFilter;
import io.headroom.quarkus.runtime.HeadroomRestRetrieveFilter;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.BeanContainerBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.bootstrap.classloading.QuarkusClassLoader;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.resteasy.reactive.spi.ContainerRequestFilterBuildItem;
import io.quarkus.resteasy.reactive.spi.ContainerResponseFilterBuildItem;
import io.quarkus.vertx.http.deployment.FilterBuildItem;
import io.quarkus.vertx.http.deployment.VertxWebRouterBuildItem;

/**
 * Wires Headroom into a Quarkus application: the Headroom bean and the request-body route filter.
 * Nothing of it is built when {@code quarkus.headroom.enabled} is false.
 */
class HeadroomProcessor {
    private static final String FEATURE = "headroom";

    /**
     * Filters with a higher priority run first; authentication (200) and authorization (100) run
     * before us, so rejected requests are never buffered or compressed. The body reader runs right
     * before the rewriting filter.
     */
    static final int FILTER_PRIORITY = 50;
    static final int BODY_READER_PRIORITY = FILTER_PRIORITY + 1;

    /** Before any application pre-matching filter (they default to 5000) can read the entity. */
    static final int REST_FILTER_PRIORITY = 100;

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep(onlyIf = HeadroomEnabled.class)
    AdditionalBeanBuildItem producer() {
        return AdditionalBeanBuildItem.unremovableOf(HeadroomProducer.class);
    }

    @BuildStep(onlyIf = HeadroomEnabled.class)
    AdditionalBeanBuildItem interception() {
        return AdditionalBeanBuildItem.unremovableOf(HeadroomInterception.class);
    }

    /** The readiness check exists only when the application has SmallRye Health (an optional capability). */
    @BuildStep(onlyIf = HeadroomEnabled.class)
    void readinessCheck(Capabilities capabilities, BuildProducer<AdditionalBeanBuildItem> beans) {
        if (capabilities.isPresent(Capability.SMALLRYE_HEALTH)) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(HeadroomReadinessCheck.class));
        }
    }

    /** The meters are registered only when the application has quarkus-micrometer (an optional capability). */
    @BuildStep(onlyIf = HeadroomEnabled.class)
    void meters(Capabilities capabilities, BuildProducer<AdditionalBeanBuildItem> beans) {
        // io.quarkus.metrics is quarkus-micrometer's capability; the class check keeps another provider out
        if (capabilities.isPresent(Capability.METRICS)
                && QuarkusClassLoader.isClassPresentAtRuntime("io.micrometer.core.instrument.MeterRegistry")) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(HeadroomMicrometerBinding.class));
        }
    }

    @BuildStep(onlyIf = HeadroomEnabled.class)
    UnremovableBeanBuildItem headroomBean() {
        // Looked up programmatically by the recorder, so ArC must not drop it as unused.
        return UnremovableBeanBuildItem.beanTypes(Headroom.class);
    }

    @BuildStep(onlyIf = HeadroomEnabled.class)
    @Record(ExecutionTime.RUNTIME_INIT)
    void routeFilters(HeadroomRecorder recorder, Capabilities capabilities, BeanContainerBuildItem beanContainer,
                      BuildProducer<FilterBuildItem> filters) {
        filters.produce(new FilterBuildItem(recorder.bodyReader(capabilities.isPresent(Capability.REST)),
                BODY_READER_PRIORITY));
        filters.produce(new FilterBuildItem(recorder.routeFilter(), FILTER_PRIORITY));
    }

    /** The stats endpoint on the application's router (under its root path); the recorder reads whether it is on. */
    @BuildStep(onlyIf = HeadroomEnabled.class)
    @Record(ExecutionTime.RUNTIME_INIT)
    void statsRoute(HeadroomRecorder recorder, BeanContainerBuildItem beanContainer, VertxWebRouterBuildItem router) {
        recorder.statsRoute(router.getHttpRouter());
    }

    /** Consumed only when the application uses Quarkus REST; otherwise this step never runs. */
    @BuildStep(onlyIf = HeadroomEnabled.class)
    ContainerRequestFilterBuildItem restBodyFilter() {
        return new ContainerRequestFilterBuildItem.Builder(HeadroomRestBodyFilter.class.getName())
                .setPreMatching(true)
                .setNonBlockingRequired(true)
                .setPriority(REST_FILTER_PRIORITY)
                .build();
    }

    /**
     * The retrieve loop for Quarkus REST resources: a post-matching request filter (on the resource's thread, so it
     * sees whether the resource runs on a worker) starts it, a response filter runs it. Consumed only with Quarkus REST.
     */
    @BuildStep(onlyIf = HeadroomEnabled.class)
    ContainerRequestFilterBuildItem restRetrieveFilter() {
        return new ContainerRequestFilterBuildItem.Builder(HeadroomRestRetrieveFilter.class.getName())
                .setPriority(REST_FILTER_PRIORITY)
                .build();
    }

    @BuildStep(onlyIf = HeadroomEnabled.class)
    ContainerResponseFilterBuildItem restResponseFilter() {
        return new ContainerResponseFilterBuildItem.Builder(HeadroomRestResponseFilter.class.getName())
                .setPriority(REST_FILTER_PRIORITY)
                .build();
    }
}
