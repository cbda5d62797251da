package io.headroom.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkers themselves: each must reject what it exists to catch, naming the page line. */
class DocCheckersTest {
    private static final SnippetCompiler COMPILER = new SnippetCompiler();

    @TempDir
    Path dir;

    @AfterAll
    static void closeCompiler() throws IOException {
        COMPILER.close();
    }

    @Test
    void aFragmentThatDoesNotCompileIsReportedAtItsPageLine() throws IOException {
        Path page = page("broken.md", """
                # Broken

                <!-- snippet: statements imports=io.headroom.* params="byte[] body" -->
                ```java
                Headroom headroom = Headroom.create(HeadroomConfig.defaults());
                headroom.process(body);
                ```
                """);
        List<String> problems = COMPILER.problems(MarkdownBlocks.of(page).get(0));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("broken.md:6: "), problems.get(0)); // the headroom.process line
    }

    @Test
    void aCompleteClassAndWrappedFragmentsCompile() throws IOException {
        Path page = page("fine.md", """
                ```java
                public class Fine {
                    int answer() { return 42; }
                }
                ```

                <!-- snippet: members imports=io.headroom.Headroom -->
                ```java
                Headroom headroom;
                ```
                """);
        for (FencedBlock block : MarkdownBlocks.of(page)) {
            assertEquals(List.of(), COMPILER.problems(block));
        }
    }

    @Test
    void deprecatedApiFailsTheSnippet() throws IOException {
        Path page = page("deprecated.md", """
                <!-- snippet: statements -->
                ```java
                Integer boxed = new Integer(7);
                ```
                """);
        List<String> problems = COMPILER.problems(MarkdownBlocks.of(page).get(0));
        assertTrue(problems.stream().anyMatch(p -> p.contains("deprecated.md:3: ") && p.contains("deprecated")),
                problems.toString());
    }

    @Test
    void webXmlWithAnUnknownOrInvalidInitParamOrAMissingClassIsRejected() throws IOException {
        Path page = page("web.md", """
                ```xml
                <filter>
                  <filter-name>headroom</filter-name>
                  <filter-class>io.headroom.servlet.HeadroomFilter</filter-class>
                  <init-param><param-name>max-items-after-crunch</param-name><param-value>20</param-value></init-param>
                  <init-param><param-name>keep-first</param-name><param-value>many</param-value></init-param>
                </filter>
                <filter>
                  <filter-name>other</filter-name>
                  <filter-class>com.example.NoSuchFilter</filter-class>
                </filter>
                <filter-mapping><filter-name>headroom2</filter-name><url-pattern>/*</url-pattern></filter-mapping>
                ```
                """);
        FencedBlock block = MarkdownBlocks.of(page).get(0);
        String problems = String.join("\n", new WebXmlCheck().problems(block, XmlBlock.parse(block)));
        assertTrue(problems.contains("'max-items-after-crunch' is no Headroom option"), problems);
        assertTrue(problems.contains("keep-first"), problems);
        assertTrue(problems.contains("com.example.NoSuchFilter does not exist"), problems);
        assertTrue(problems.contains("'headroom2'"), problems);
    }

    @Test
    void dependenciesMustBeRealArtifactsAtTheProjectVersion() throws IOException {
        Path page = page("deps.md", """
                ```xml
                <dependency><groupId>io.headroom</groupId><artifactId>headroom-spring</artifactId><version>0.1.0-SNAPSHOT</version></dependency>
                <dependency><groupId>io.headroom</groupId><artifactId>headroom-filter</artifactId><version>9.9</version></dependency>
                <dependency><groupId>org.example</groupId><artifactId>not-on-the-classpath</artifactId></dependency>
                <dependency><groupId>io.headroom</groupId><artifactId>headroom-jaxrs</artifactId><version>0.1.0-SNAPSHOT</version></dependency>
                ```
                """);
        FencedBlock block = MarkdownBlocks.of(page).get(0);
        List<String> problems = new DependencyCheck(RepositoryModules.read(DocsTree.repositoryRoot()))
                .problems(block, XmlBlock.parse(block));
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("io.headroom:headroom-spring:0.1.0-SNAPSHOT is not an artifact of this repository"),
                problems.get(0));
        assertTrue(problems.get(1).contains("must state the project version"), problems.get(1));
        assertTrue(problems.get(2).contains("not-on-the-classpath is not on the doc-snippets test classpath"), problems.get(2));
    }

    @Test
    void malformedXmlNamesTheLine() throws IOException {
        Path page = page("bad.md", """
                ```xml
                <dependency>
                  <groupId>io.headroom</groupId
                </dependency>
                ```
                """);
        AssertionError e = assertThrows(AssertionError.class, () -> XmlBlock.parse(MarkdownBlocks.of(page).get(0)));
        assertTrue(e.getMessage().contains("bad.md:4: not well-formed"), e.getMessage());
    }

    @Test
    void brokenFilesAndAnchorsAreFoundButCodeIsIgnored() throws IOException {
        page("target.md", """
                # Target
                ## Plain heading
                ## Plain Java API (io.headroom)
                """);
        Path page = page("links.md", """
                [ok](target.md#plain-heading) [vitepress style](target) [missing](nowhere.md)
                [no such anchor](target.md#no-such-heading)
                [site only](target.md#plain-java-api-io-headroom)
                `[in code](nowhere.md)`
                ```
                [in a block](nowhere.md)
                ```
                """);
        List<String> broken = new LinkChecker().brokenLinks(page, true);
        assertEquals(3, broken.size(), broken.toString());
        assertTrue(broken.get(0).contains("links.md:1: nowhere.md: no such file"), broken.get(0));
        assertTrue(broken.get(1).contains("links.md:2: target.md#no-such-heading: no heading"), broken.get(1));
        assertTrue(broken.get(2).contains("exists only on the site"), broken.get(2));
    }

    @Test
    void slugsFollowBothSites() {
        assertEquals("the-x-headroom-headers-v2", Headings.vitepressSlug(Headings.text("The `x-headroom` headers (v2)")));
        assertEquals("the-x-headroom-headers-v2", Headings.githubSlug(Headings.text("The `x-headroom` headers (v2)")));
        assertEquals("plain-java-api-io-headroom", Headings.vitepressSlug("Plain Java API (io.headroom)"));
        assertEquals("plain-java-api-ioheadroom", Headings.githubSlug("Plain Java API (io.headroom)"));
    }

    @Test
    void aDirectiveWithAnUnknownKindOrSettingIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SnippetDirective.parse("fragment", "p.md:1"));
        assertThrows(IllegalArgumentException.class, () -> SnippetDirective.parse("members params=\"int x\"", "p.md:1"));
        assertThrows(IllegalArgumentException.class, () -> SnippetDirective.parse("skip", "p.md:1"));
    }

    private Path page(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
