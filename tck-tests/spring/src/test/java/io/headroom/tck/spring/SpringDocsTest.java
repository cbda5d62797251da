package io.headroom.tck.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.Headroom;
import io.headroom.Mode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** src-docs/hosts/spring-boot.md says what this module runs. */
class SpringDocsTest {
    private static final Path PAGE = Path.of("../../src-docs/hosts/spring-boot.md");
    private static final Path SNIPPET = Path.of("src/test/java/io/headroom/tck/spring/HeadroomConfiguration.java");

    /** The registration snippet on the page is {@link HeadroomConfiguration}, which the host tests run. */
    @Test
    void registrationSnippetIsTheTestedConfiguration() throws IOException {
        String source = Files.readString(SNIPPET, StandardCharsets.UTF_8);
        String afterPackage = source.substring(source.indexOf('\n', source.indexOf("\npackage ") + 1) + 1).strip();
        assertEquals(afterPackage, firstJavaBlock(Files.readString(PAGE, StandardCharsets.UTF_8)));
    }

    /** The page's environment variable form of an option reaches the Headroom bean. */
    @Test
    void optionsAreReadFromEnvironmentVariables() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-environment",
                Map.of("HEADROOM_MAX_BODY_BYTES", "8388608", "HEADROOM_MODE", "audit")));
        try (Headroom headroom = new HeadroomConfiguration().headroom(environment)) {
            assertEquals(8_388_608L, headroom.config().limits().maxBodyBytes());
            assertEquals(Mode.AUDIT, headroom.config().mode());
        }
    }

    private static String firstJavaBlock(String markdown) {
        int start = markdown.indexOf("```java\n");
        assertTrue(start >= 0, "no java block on the page");
        int from = start + "```java\n".length();
        return markdown.substring(from, markdown.indexOf("```", from)).strip();
    }
}
