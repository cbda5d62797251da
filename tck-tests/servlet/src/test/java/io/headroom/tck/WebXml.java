package io.headroom.tck;

import io.headroom.conformance.downstream.RelayServlet;
import io.headroom.servlet.HeadroomFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A web application directory whose {@code WEB-INF/web.xml} declares HeadroomFilter on {@code /*} with
 * the given init-params, in front of the {@link RelayServlet}: exactly what a web.xml user writes.
 */
final class WebXml {
    private WebXml() {
    }

    /** Writes the application into a new temporary directory and returns that directory. */
    static Path writeWebApp(Map<String, String> initParams) throws IOException {
        Path docBase = Files.createTempDirectory("headroom-webapp");
        Path webInf = Files.createDirectories(docBase.resolve("WEB-INF"));
        Files.writeString(webInf.resolve("web.xml"), webXml(initParams));
        return docBase;
    }

    static String webXml(Map<String, String> initParams) {
        StringBuilder params = new StringBuilder();
        new TreeMap<>(initParams).forEach((name, value) -> params.append("""
                    <init-param>
                      <param-name>%s</param-name>
                      <param-value>%s</param-value>
                    </init-param>
                """.formatted(name, value)));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd"
                         version="6.0" metadata-complete="true">
                  <filter>
                    <filter-name>headroom</filter-name>
                    <filter-class>%s</filter-class>
                %s  </filter>
                  <filter-mapping>
                    <filter-name>headroom</filter-name>
                    <url-pattern>/*</url-pattern>
                  </filter-mapping>
                  <servlet>
                    <servlet-name>downstream</servlet-name>
                    <servlet-class>%s</servlet-class>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>downstream</servlet-name>
                    <url-pattern>/</url-pattern>
                  </servlet-mapping>
                </web-app>
                """.formatted(HeadroomFilter.class.getName(), params, RelayServlet.class.getName());
    }
}
