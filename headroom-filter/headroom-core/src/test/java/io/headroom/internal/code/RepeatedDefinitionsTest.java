package io.headroom.internal.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import io.headroom.CodeCompressionConfig;
import io.headroom.Compressed;
import io.headroom.CompressionContext;
import io.headroom.HeadroomConfig;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RepeatedDefinitionsTest {

    private static final CodeCompressionConfig ENABLED = CodeCompressionConfig.builder().enabled(true).build();
    private static final CompressionContext OLD = new CompressionContext(null, "c0de", "read_file", 10, false);

    private final CodeCompressor compressor = new CodeCompressor(ENABLED);

    private static String repeat(int n, IntFunction<String> def) {
        return IntStream.range(0, n).mapToObj(def).collect(Collectors.joining());
    }

    private static String pythonModule(int n) {
        return "import math\n\n" + repeat(n, k -> "def f0_" + k + "(x):\n    return x * " + k + " + 0\n") + "\nVALUE = f0_1(2)\n";
    }

    @Test
    void pythonRunKeepsFirstTwoAndLastAndNamesTheRest() {
        String source = pythonModule(120);
        String out = RepeatedDefinitions.python(source).orElseThrow();
        assertTrue(PythonBodyCollapser.looksValid(out), out);
        assertTrue(out.startsWith("import math\n\ndef f0_0(x):\n    return x * 0 + 0\ndef f0_1(x):\n    return x * 1 + 0\n"
                + "# 117 more definitions of the same shape omitted: f0_2..f0_118\n"
                + "def f0_119(x):\n    return x * 119 + 0\n"), out);
        assertTrue(out.endsWith("\nVALUE = f0_1(2)\n"), out);

        Compressed c = compressor.compress(source, OLD);
        assertTrue(c.changed());
        assertTrue(PythonBodyCollapser.looksValid(c.content()));
        assertTrue(c.content().endsWith("# [" + c.originalUnits() + " lines compressed to " + c.keptUnits()
                + ". Retrieve more: hash=c0de]\n"), c.content());
        assertTrue(c.content().length() < source.length() / 10, "expected real savings");
    }

    @Test
    void pythonMethodsInAClassAndDecoratorsAreUnitsAtTheirIndentation() {
        String source = "class Fixtures:\n    \"\"\"Generated.\"\"\"\n\n"
                + repeat(8, k -> "    @staticmethod\n    def case_" + k + "(self):\n        return {'id': " + k + ", 'name': 'n" + k + "'}\n\n")
                + "    def other(self):\n        return None\n";
        String out = RepeatedDefinitions.python(source).orElseThrow();
        assertTrue(PythonBodyCollapser.looksValid(out), out);
        assertTrue(out.contains("    def case_1(self):\n        return {'id': 1, 'name': 'n1'}\n\n"
                + "    # 5 more definitions of the same shape omitted: case_2..case_6\n"
                + "    @staticmethod\n    def case_7(self):"), out);
        assertTrue(out.contains("    def other(self):\n        return None\n"), out);
    }

    @Test
    void oneLinePythonDefinitionsFormRunsToo() {
        String source = repeat(9, k -> "def stub_" + k + "(request): return Response(status=" + (200 + k) + ")\n");
        String out = RepeatedDefinitions.python(source).orElseThrow();
        assertTrue(PythonBodyCollapser.looksValid(out), out);
        assertEquals("def stub_0(request): return Response(status=200)\ndef stub_1(request): return Response(status=201)\n"
                + "# 6 more definitions of the same shape omitted: stub_2..stub_7\n"
                + "def stub_8(request): return Response(status=208)\n", out);
    }

    @Test
    void shortRunsAndDifferentShapesAreLeftAlone() {
        assertTrue(RepeatedDefinitions.python(pythonModule(5)).isEmpty(), "a run of 5 stays");
        // every third function differs in shape: runs never reach six
        String mixed = repeat(30, k -> k % 3 == 0
                ? "def g" + k + "(x):\n    return x - " + k + "\n"
                : "def f" + k + "(x):\n    return x * " + k + "\n");
        assertTrue(RepeatedDefinitions.python(mixed).isEmpty());
        String named = repeat(10, k -> "def get_" + (char) ('a' + k) + "(x):\n    return x\n");
        assertTrue(RepeatedDefinitions.python(named).isEmpty(), "names differing in letters are not the same shape");
        // a comment between definitions ends the run
        String interrupted = repeat(4, k -> "def f" + k + "(x):\n    return x\n") + "# section\n"
                + repeat(4, k -> "def f" + (k + 4) + "(x):\n    return x\n");
        assertTrue(RepeatedDefinitions.python(interrupted).isEmpty());
    }

    @Test
    void javaRunBecomesOneCommentBetweenMembersAndStillParses() {
        String source = "package demo;\n\nimport java.util.List;\n\npublic final class Generated {\n    private final int base = 1;\n\n"
                + repeat(40, k -> "    /** Case " + k + ". */\n    @Deprecated\n    public int value" + k + "(int x) {\n        return x * " + k + " + base;\n    }\n\n")
                + "    public List<Integer> all() {\n        return List.of(value0(1), value39(2));\n    }\n}\n";
        Compressed c = compressor.compress(source, OLD);
        assertTrue(c.changed());
        String out = c.content();
        ParseResult<CompilationUnit> parsed = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)).parse(out);
        assertTrue(parsed.isSuccessful(), () -> parsed.getProblems() + "\n" + out);
        List<String> methods = parsed.getResult().orElseThrow().findAll(MethodDeclaration.class).stream()
                .map(MethodDeclaration::getNameAsString).toList();
        assertEquals(List.of("value0", "value1", "value39", "all"), methods);
        assertTrue(out.contains("        return x * 1 + base;\n    }\n\n"
                + "    // 37 more definitions of the same shape omitted: value2..value38\n"
                + "    /** Case 39. */\n    @Deprecated\n    public int value39(int x) {"), out);
        assertTrue(out.contains("private final int base = 1;"));
        assertTrue(out.endsWith("// [" + c.originalUnits() + " lines compressed to " + c.keptUnits()
                + ". Retrieve more: hash=c0de]\n"), out);
    }

    @Test
    void javaScriptRunsOfFunctionsAndArrowConstsCollapseAndStayBalanced() {
        String source = "import { api } from './api';\n\n"
                + repeat(12, k -> "export function handler" + k + "(req) {\n  return api.call('h" + k + "', req);\n}\n\n")
                + repeat(7, k -> "const stub" + (k * 2) + " = (x) => {\n  return x + " + k + ";\n};\n")
                + "module.exports = { handler0 };\n";
        String out = RepeatedDefinitions.braces(source, BraceDialect.detect(source), s -> true).orElseThrow();
        assertTrue(BraceLexer.lex(out, BraceDialect.JS).isPresent(), out);
        assertTrue(out.contains("export function handler1(req) {\n  return api.call('h1', req);\n}\n\n"
                + "// 9 more definitions of the same shape omitted: handler2..handler10\n"
                + "export function handler11(req) {"), out);
        // names that do not count up by one are listed one by one
        assertTrue(out.contains("const stub2 = (x) => {\n  return x + 1;\n};\n"
                + "// 4 more definitions of the same shape omitted: stub4, stub6, stub8, stub10\n"
                + "const stub12 = (x) => {"), out);
        assertTrue(out.endsWith("module.exports = { handler0 };\n"), out);

        Compressed c = compressor.compress(source, OLD);
        assertTrue(c.changed());
        assertTrue(c.content().contains("handler2..handler10"));
    }

    @Test
    void protectionsStillApply() {
        String source = pythonModule(120);
        assertFalse(new CodeCompressor(CodeCompressionConfig.defaults()).compress(source, OLD).changed(), "off by default");
        for (int recent = 0; recent < CodeCompressor.PROTECT_RECENT; recent++) {
            Compressed c = compressor.compress(source, new CompressionContext(null, "h", null, recent, false));
            assertFalse(c.changed());
            assertEquals(source, c.content());
        }
        assertFalse(compressor.compress(source, new CompressionContext("explain f0_7", "h", null, 10, true)).changed());
        String small = repeat(6, k -> "def f" + k + "(x):\n    return x\n");
        assertTrue(RepeatedDefinitions.python(small).isPresent(), "collapsible on its own");
        assertFalse(compressor.compress(small, OLD).changed(), "under 50 words");
    }

    @Test
    void compactNamesUsesRangesOnlyForConsecutiveTrailingNumbers() {
        assertEquals("f0_2..f0_118", RepeatedDefinitions.compactNames(
                IntStream.rangeClosed(2, 118).mapToObj(k -> "f0_" + k).toList()));
        assertEquals("a1, a2, b3..b5, c, a07, a08", RepeatedDefinitions.compactNames(
                List.of("a1", "a2", "b3", "b4", "b5", "c", "a07", "a08")));
        assertEquals("x9..x11", RepeatedDefinitions.compactNames(List.of("x9", "x10", "x11")));
    }

    @Test
    void functionNamesFromHeaders() {
        assertEquals("Get", RepeatedDefinitions.name("func (s *Store) Get(key string) (string, error)"));
        assertEquals("funny", RepeatedDefinitions.name("public int funny(int x)"));
        assertEquals("stub", RepeatedDefinitions.name("export const stub = async (x) =>"));
        assertEquals("gen", RepeatedDefinitions.name("function* gen(a)"));
        assertEquals("parse", RepeatedDefinitions.name("pub fn parse<T>(s: &str) -> Result<T, E>"));
    }
}
