package io.headroom.conformance.downstream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A web application directory whose {@code WEB-INF/web.xml} declares a filter on {@code /*} with the
 * given init-params in front of the {@link RelayServlet}: exactly what a web.xml user writes. Any servlet
 * container deploys it from {@link #docBase()}; {@link #close()} deletes it.
 */
public final class WebApp implements AutoCloseable {
    private final Path docBase;

    private WebApp(Path docBase) {
        this.docBase = docBase;
    }

    /** Writes the application into a new temporary directory. */
    public static WebApp write(String filterClass, Map<String, String> initParams) throws IOException {
        Path docBase = Files.createTempDirectory("headroom-webapp");
        Path webInf = Files.createDirectories(docBase.resolve("WEB-INF"));
        Files.writeString(webInf.resolve("web.xml"), webXml(filterClass, initParams));
        return new WebApp(docBase);
    }

    /** The application's root directory (the one holding {@code WEB-INF}). */
    public Path docBase() {
        return docBase;
    }

    static String webXml(String filterClass, Map<String, String> initParams) {
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
                """.formatted(filterClass, params, RelayServlet.class.getName());
    }

    /** Deletes a temporary directory tree such as a container's base directory; nothing when null. */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    @Override
    public void close() {
        deleteTree(docBase);
    }
}
