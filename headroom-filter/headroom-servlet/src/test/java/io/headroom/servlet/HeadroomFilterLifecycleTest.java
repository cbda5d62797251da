package io.headroom.servlet;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Headroom;
import io.headroom.HeadroomConfig;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadroomFilterLifecycleTest {

    @Test
    void invalidInitParamFailsInitWithTheConfigMessage() {
        HeadroomFilter filter = new HeadroomFilter();
        ServletException e = assertThrows(ServletException.class,
                () -> filter.init(new MapFilterConfig(Map.of("min-tokens-to-crush", "lots"))));
        assertTrue(e.getMessage().contains("min-tokens-to-crush"), e.getMessage());
        assertTrue(e.getMessage().contains("headroom"), e.getMessage());
    }

    @Test
    void unknownModeInitParamFailsInit() {
        HeadroomFilter filter = new HeadroomFilter();
        ServletException e = assertThrows(ServletException.class,
                () -> filter.init(new MapFilterConfig(Map.of("mode", "turbo"))));
        assertTrue(e.getMessage().contains("turbo"), e.getMessage());
    }

    @Test
    void validInitParamsStartAndDestroyCleanly() {
        HeadroomFilter filter = new HeadroomFilter();
        assertDoesNotThrow(() -> filter.init(new MapFilterConfig(
                Map.of("mode", "audit", "max-body-bytes", "65536", "ccr.ttl-seconds", "60"))));
        filter.destroy();
        assertDoesNotThrow(filter::destroy, "destroy is idempotent");
    }

    @Test
    void programmaticHeadroomIsKeptAndNotClosedByTheFilter() throws Exception {
        try (Headroom headroom = Headroom.create(HeadroomConfig.defaults())) {
            HeadroomFilter filter = new HeadroomFilter(headroom);
            // init-params are ignored: the given Headroom is already configured
            filter.init(new MapFilterConfig(Map.of("min-tokens-to-crush", "not a number")));
            filter.destroy();
            assertDoesNotThrow(headroom::stats, "the caller's Headroom is still open");
        }
    }

    /** A FilterConfig backed by a map, as a container builds it from web.xml. */
    private record MapFilterConfig(Map<String, String> params) implements FilterConfig {
        @Override
        public String getFilterName() {
            return "headroom";
        }

        @Override
        public ServletContext getServletContext() {
            return null;
        }

        @Override
        public String getInitParameter(String name) {
            return params.get(name);
        }

        @Override
        public Enumeration<String> getInitParameterNames() {
            return Collections.enumeration(params.keySet());
        }
    }
}
