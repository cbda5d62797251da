package io.headroom.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every code block of the documentation that a user would copy is checked: Java blocks are compiled,
 * web.xml blocks are read like a container reads them, dependency blocks are matched against this
 * repository's artifacts and this module's classpath. A failure names the page and line.
 *
 * <h2>How a page marks its blocks</h2>
 * A {@code ```java} block is, by default, a whole compilation unit (imports and one public type, or
 * several package-private ones) and compiles as written. A block that is only a fragment carries a
 * directive on the last non-blank line before its fence (Markdown renderers hide HTML comments):
 * <pre>
 * &lt;!-- snippet: statements imports=io.headroom.*,java.util.EnumSet params="ServletContext context" --&gt;
 * &lt;!-- snippet: members imports=jakarta.inject.Inject,io.headroom.Headroom --&gt;
 * &lt;!-- snippet: skip reason="pseudo-code, shows the shape only" --&gt;
 * </pre>
 * <ul>
 *   <li>{@code statements}: compiled as the body of {@code void snippet(params) throws Exception} in a
 *       generated class; {@code params} declares the variables the fragment uses but does not declare.</li>
 *   <li>{@code members}: fields and methods, compiled as the body of a generated class.</li>
 *   <li>{@code imports}: comma-separated, as in an import declaration ({@code a.b.C}, {@code a.b.*}).</li>
 *   <li>{@code skip}: not checked; the reason is required, so every unchecked block says why.</li>
 * </ul>
 * A {@code ```xml} block is checked by what it holds: {@code <dependency>} elements (see
 * {@link DependencyCheck}) or web.xml elements such as {@code <filter>} and {@code <filter-mapping>} (see
 * {@link WebXmlCheck}); any other XML must be marked {@code skip}. Other languages (properties, bash,
 * JSON) are not checked.
 *
 * <p>Java is compiled for release 17 against this module's test classpath, which holds the host artifacts
 * and the frameworks the pages use (Servlet 6.0, Spring Boot 3.5 and Spring Cloud Gateway Server MVC, Jersey,
 * Vert.x 4.5, LangChain4j, Quarkus REST). A use of deprecated API fails as well.
 */
class DocSnippetsTest {
    private static final Set<String> DEPENDENCY_ELEMENTS = Set.of("dependency", "dependencies");
    private static final Set<String> WEB_XML_ELEMENTS = Set.of("web-app", "filter", "filter-mapping", "listener",
            "servlet", "servlet-mapping", "context-param");

    private static final SnippetCompiler COMPILER = new SnippetCompiler();
    private static final DependencyCheck DEPENDENCIES = new DependencyCheck(RepositoryModules.read(DocsTree.repositoryRoot()));
    private static final WebXmlCheck WEB_XML = new WebXmlCheck();

    @AfterAll
    static void closeCompiler() throws Exception {
        COMPILER.close();
    }

    @TestFactory
    Stream<DynamicTest> javaBlocksCompile() {
        return blocks("java").map(block -> DynamicTest.dynamicTest(block.location(), () -> {
            List<String> problems = COMPILER.problems(block);
            if (!problems.isEmpty()) {
                fail("the Java block at " + block.location() + " does not compile:\n  " + String.join("\n  ", problems));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> xmlBlocksHoldRealArtifactsAndFilters() {
        return blocks("xml").map(block -> DynamicTest.dynamicTest(block.location(), () -> {
            List<String> problems = xmlProblems(block);
            if (!problems.isEmpty()) {
                fail(String.join("\n", problems));
            }
        }));
    }

    /** The acceptance line: one page per host with the exact dependency and a registration snippet. */
    @Test
    void everyHostPageShowsItsDependencyAndACheckedSnippet() {
        List<Path> hostPages = DocsTree.hostPages().stream()
                .filter(p -> !p.getFileName().toString().equals("index.md")).toList();
        assertFalse(hostPages.isEmpty(), "no host pages under src-docs/" + DocsTree.HOSTS);
        for (Path page : hostPages) {
            List<FencedBlock> blocks = MarkdownBlocks.of(page).stream().filter(DocSnippetsTest::checked).toList();
            assertTrue(blocks.stream().anyMatch(DocSnippetsTest::ownDependency),
                    DocsTree.display(page) + " shows no io.headroom dependency block");
            assertTrue(blocks.stream().anyMatch(b -> b.language().equals("java") || isWebXml(b)),
                    DocsTree.display(page) + " shows no compiled Java or checked web.xml snippet");
        }
    }

    private static List<String> xmlProblems(FencedBlock block) {
        XmlBlock xml = XmlBlock.parse(block);
        List<String> names = xml.topLevelNames();
        if (!names.isEmpty() && DEPENDENCY_ELEMENTS.containsAll(names)) {
            return DEPENDENCIES.problems(block, xml);
        }
        if (!names.isEmpty() && WEB_XML_ELEMENTS.containsAll(names)) {
            return WEB_XML.problems(block, xml);
        }
        return List.of(block.location() + ": XML block of " + names + " is neither dependencies nor web.xml;"
                + " check it or mark it <!-- snippet: skip reason=\"...\" -->");
    }

    private static boolean ownDependency(FencedBlock block) {
        if (!block.language().equals("xml")) {
            return false;
        }
        XmlBlock xml = XmlBlock.parse(block);
        return xml.all("groupId").stream().anyMatch(g -> g.getTextContent().strip().equals(DependencyCheck.OWN_GROUP));
    }

    private static boolean isWebXml(FencedBlock block) {
        return block.language().equals("xml") && WEB_XML_ELEMENTS.containsAll(XmlBlock.parse(block).topLevelNames());
    }

    private static boolean checked(FencedBlock block) {
        return block.directive() == null || block.directive().kind() != SnippetDirective.Kind.SKIP;
    }

    private static Stream<FencedBlock> blocks(String language) {
        List<FencedBlock> all = new ArrayList<>();
        for (Path page : DocsTree.sitePages()) {
            MarkdownBlocks.of(page).stream().filter(b -> b.language().equals(language)).filter(DocSnippetsTest::checked)
                    .forEach(all::add);
        }
        return all.stream();
    }
}
