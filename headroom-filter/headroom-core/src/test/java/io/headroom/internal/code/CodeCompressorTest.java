package io.headroom.internal.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import io.headroom.CodeCompressionConfig;
import io.headroom.Compressed;
import io.headroom.CompressionContext;
import io.headroom.HeadroomConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CodeCompressorTest {

    private static final CodeCompressionConfig ENABLED = CodeCompressionConfig.builder().enabled(true).build();
    private static final CompressionContext OLD = new CompressionContext(null, "c0de", "read_file", 10, false);

    private final CodeCompressor compressor = new CodeCompressor(ENABLED);

    private static String resource(String name) throws IOException {
        try (InputStream in = CodeCompressorTest.class.getResourceAsStream("/code/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static CompilationUnit parseJava(String source) {
        ParseResult<CompilationUnit> r = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)).parse(source);
        assertTrue(r.isSuccessful(), () -> "does not parse: " + r.getProblems() + "\n" + source);
        return r.getResult().orElseThrow();
    }

    private static Set<String> signatures(CompilationUnit cu) {
        return cu.findAll(CallableDeclaration.class).stream()
                .map(c -> c.getDeclarationAsString(true, true, true)).collect(Collectors.toSet());
    }

    @Test
    void javaClassKeepsStructureAndReparses() throws IOException {
        String source = resource("InventoryService.java");
        Compressed c = compressor.compress(source, OLD);
        assertTrue(c.changed());
        String out = c.content();
        report("java", source, out);
        CompilationUnit before = parseJava(source);
        CompilationUnit after = parseJava(out);
        assertEquals(signatures(before), signatures(after));
        assertEquals(before.getImports(), after.getImports());
        assertEquals(before.getPackageDeclaration(), after.getPackageDeclaration());
        assertEquals(before.findAll(FieldDeclaration.class).size(), after.findAll(FieldDeclaration.class).size());
        assertTrue(out.contains("@Override"));
        assertTrue(out.contains("public record Reservation(String id, String sku, String warehouse, int quantity, Instant expiresAt)"));
        assertTrue(out.contains("public enum Outcome { RESERVED, INSUFFICIENT_STOCK, UNKNOWN_SKU }"));
        assertTrue(out.contains("throw new IllegalArgumentException(\"quantity out of range: \" + quantity);"), "guard clause kept");
        assertTrue(out.contains("} catch (IOException e) {"), "catch clause kept");
        assertTrue(out.contains("throw new UncheckedIOException(\"could not persist \" + sku, e);"), "handler kept");
        assertTrue(out.contains("/** Reserve stock for the given SKU. */"), "javadoc first line");
        assertTrue(out.contains("lines omitted"));
        assertTrue(out.endsWith("// [" + c.originalUnits() + " lines compressed to " + c.keptUnits()
                + ". Retrieve more: hash=c0de]\n"), out);
        assertTrue(out.length() < source.length() * 0.75, "expected real savings");
    }

    @Test
    void pythonModuleKeepsSignaturesImportsAndValidIndentation() throws IOException {
        String source = resource("order_service.py");
        Compressed c = compressor.compress(source, OLD);
        assertTrue(c.changed());
        String out = c.content();
        report("python", source, out);
        List<String> lines = source.lines().toList();
        for (String line : lines) {
            String t = line.strip();
            boolean structural = t.startsWith("def ") || t.startsWith("async def ") || t.startsWith("class ")
                    || t.startsWith("import ") || t.startsWith("from ") || t.startsWith("@")
                    || t.startsWith(") ->") || line.matches("\\s{8}\\w+: .*,");
            if (structural) assertTrue(out.contains(line), "lost: " + line);
        }
        assertTrue(out.contains("raise OrderError(\"E_ORDER_MISSING\", \"no order given\")"), "guard raise kept");
        assertTrue(out.contains("except IntegrityError as exc:"), "except clause kept");
        assertTrue(out.contains("\"\"\"Validate order for the given order.\"\"\""), "docstring first line");
        assertTrue(out.contains("...  # "), out);
        assertTrue(out.endsWith("# [" + c.originalUnits() + " lines compressed to " + c.keptUnits()
                + ". Retrieve more: hash=c0de]\n"), out);
        assertTrue(PythonBodyCollapser.looksValid(out), "indentation must stay consistent");
        assertConsistentIndentation(out);
        assertTrue(out.length() < source.length() * 0.75, "expected real savings");
    }

    /** Independent of the implementation: every line ending with ':' opens a deeper block, no tabs. */
    private static void assertConsistentIndentation(String python) {
        List<String> lines = python.lines().filter(l -> !l.isBlank() && !l.strip().startsWith("#")).toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            assertFalse(line.startsWith("\t"), line);
            String code = line.replaceAll("#.*$", "").stripTrailing();
            if (code.endsWith(":") && (code.strip().startsWith("def ") || code.strip().matches("(if|try|except|else|finally|for|while|with|class|async def)\\b.*"))) {
                assertTrue(i + 1 < lines.size() && indent(lines.get(i + 1)) > indent(line),
                        "block after '" + line + "' is not indented");
            }
        }
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') i++;
        return i;
    }

    @Test
    void pythonOutputParsesWithPythonWhenAvailable() throws Exception {
        String out = compressor.compress(resource("order_service.py"), OLD).content();
        Path file = Files.createTempFile("headroom", ".py");
        try {
            Files.writeString(file, out);
            Process p;
            try {
                p = new ProcessBuilder("python3", "-c", "import ast,sys; ast.parse(open(sys.argv[1]).read())", file.toString())
                        .redirectErrorStream(true).start();
            } catch (IOException e) {
                assumeTrue(false, "python3 not available");
                return;
            }
            assumeTrue(p.waitFor(30, TimeUnit.SECONDS), "python3 too slow");
            String msg = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), msg);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void braceLanguagesCollapseFunctionsAndStayBalanced() {
        String js = """
                import { readFile } from 'fs/promises';
                const RETRIES = 3; // max attempts
                export async function loadConfig(path, { strict = true } = {}) {
                  const raw = await readFile(path, 'utf8');
                  const cfg = JSON.parse(raw.replace(/\\/\\/.*$/gm, ''));
                  if (!cfg.name) {
                    throw new Error(`config ${path} has no name`);
                  }
                  for (const key of Object.keys(cfg)) {
                    console.log("key", key, '}');
                  }
                  return cfg;
                }
                class Cache {
                  constructor(size) {
                    this.size = size;
                    this.map = new Map();
                    this.hits = 0;
                  }
                  get(key) {
                    const v = this.map.get(key);
                    if (v !== undefined) this.hits++;
                    return v;
                  }
                }
                export const handler = async (event) => {
                  const body = JSON.parse(event.body || '{}');
                  if (!body.id) throw new Error('missing id');
                  const item = await load(body.id);
                  return { statusCode: 200, body: JSON.stringify(item) };
                };
                """;
        String out = BraceBodyCollapser.collapse(js, BraceDialect.detect(js)).orElseThrow();
        assertEquals(BraceDialect.JS, BraceDialect.detect(js));
        assertTrue(out.contains("export async function loadConfig(path, { strict = true } = {}) {"), out);
        assertTrue(out.contains("class Cache {"), out);
        assertTrue(out.contains("  constructor(size) {"), out);
        assertTrue(out.contains("  get(key) {"), out);
        assertTrue(out.contains("export const handler = async (event) => {"), out);
        assertFalse(out.contains("JSON.parse(raw"), out);
        assertTrue(out.contains("lines omitted"), out);
        assertTrue(BraceBodyCollapser.lexes(out, BraceDialect.JS));

        String go = """
                package store

                import (
                \t"errors"
                \t"fmt"
                )

                // Get returns the value stored under key.
                func (s *Store) Get(key string) (string, error) {
                \ts.mu.RLock()
                \tdefer s.mu.RUnlock()
                \tv, ok := s.data[key]
                \tif !ok {
                \t\treturn "", fmt.Errorf("key %q: %w", key, errors.New("not found"))
                \t}
                \treturn v, nil
                }
                """;
        String goOut = BraceBodyCollapser.collapse(go, BraceDialect.detect(go)).orElseThrow();
        assertTrue(goOut.contains("func (s *Store) Get(key string) (string, error) {\n\t// ... 7 lines omitted\n}"), goOut);
        assertTrue(goOut.contains("import (\n\t\"errors\""), goOut);
    }

    @Test
    void unbalancedOrUnlexableSourceIsLeftAlone() {
        String broken = "function f(a) {\n  if (a) {\n    return `x ${a.map(b => { return b; })}`;\n  }\n  return 1;\n}\n";
        assertTrue(BraceBodyCollapser.collapse(broken, BraceDialect.JS).isEmpty());
        assertTrue(BraceBodyCollapser.collapse("void f() {\n  int x = 1;\n  x++;\n  x++;\n", BraceDialect.C_LIKE).isEmpty());
        String mixedTabs = "def f(x):\n\tif x:\n        return 1\n\treturn 2\n";
        assertTrue(PythonBodyCollapser.collapse(mixedTabs).isEmpty());
        String badIndent = "def f(x):\n    a = 1\n      b = 2\n    c = 3\n    return a\n";
        assertTrue(PythonBodyCollapser.collapse(badIndent).isEmpty());
    }

    @Test
    void protectionsReturnUnchanged() throws IOException {
        String source = resource("InventoryService.java");
        Compressed disabled = new CodeCompressor(CodeCompressionConfig.defaults()).compress(source, OLD);
        assertFalse(disabled.changed());
        assertEquals(source, disabled.content());
        for (int recent = 0; recent < CodeCompressor.PROTECT_RECENT; recent++) {
            assertFalse(compressor.compress(source, new CompressionContext(null, "h", null, recent, false)).changed());
        }
        assertTrue(compressor.compress(source, new CompressionContext(null, "h", null, CodeCompressor.PROTECT_RECENT, false)).changed());
        assertFalse(compressor.compress(source, new CompressionContext("review this", "h", null, 10, true)).changed());
        String small = "def f(x):\n    y = x + 1\n    z = y * 2\n    w = z - 3\n    return w\n";
        assertFalse(compressor.compress(small, OLD).changed(), "under 50 words");
    }

    @Test
    void configOptionIsReadFromProperties() {
        assertFalse(HeadroomConfig.defaults().codeCompression().enabled());
        HeadroomConfig c = HeadroomConfig.fromMap(java.util.Map.of(CodeCompressionConfig.ENABLED, "true"));
        assertTrue(c.codeCompression().enabled());
        assertTrue(c.toBuilder().build().codeCompression().enabled());
        assertTrue(c.toString().contains("code-compression.enabled=true"));
    }

    @Test
    void garbageNeverThrows() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            String alphabet = "{}()[]\"'`/*#:\\\n\t abc def class ;";
            sb.append(alphabet.charAt((i * 7919) % alphabet.length()));
            if (i % 11 == 0) sb.append(" word");
        }
        String garbage = sb.toString();
        for (String s : List.of(garbage, "package x;\nclass {", "def f(:\n  pass\n" + "word ".repeat(60), "}".repeat(100) + " w".repeat(60))) {
            Compressed c = compressor.compress(s, OLD);
            assertTrue(c.content().length() <= s.length());
        }
    }

    /** Prints the savings and leaves the output in target/ for a human to read. */
    private static void report(String lang, String source, String out) throws IOException {
        Path dir = Path.of("target", "headroom-samples");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("collapsed-" + lang + ".txt"), out);
        var tokens = new io.headroom.internal.tokens.TokenCounter().forModel("gpt-4o");
        int before = tokens.countExact(source);
        int after = tokens.countExact(out);
        System.out.printf("%s: %d -> %d lines, %d -> %d tokens (%.0f%% saved)%n", lang, source.lines().count(),
                out.lines().count(), before, after, 100.0 * (before - after) / before);
    }
}
