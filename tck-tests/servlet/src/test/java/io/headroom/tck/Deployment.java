package io.headroom.tck;

import jakarta.servlet.http.HttpServlet;
import java.util.List;
import java.util.Map;

/** What a container hosts: Headroom filters (configured by init-params) and the servlets behind them. */
record Deployment(List<FilterMount> filters, List<ServletMount> servlets) {

    record FilterMount(String name, String urlPattern, Map<String, String> initParams) {
    }

    record ServletMount(String name, String urlPattern, Class<? extends HttpServlet> type) {
    }
}
