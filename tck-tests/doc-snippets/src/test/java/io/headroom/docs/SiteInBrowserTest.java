package io.headroom.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The documentation site as a reader gets it: built by VitePress exactly as published ({@code npm ci},
 * {@code npm run build}, which also fails on a dead internal link) and read in headless Chromium. On every
 * page, at a desktop and a tablet width, no table may be wider than the text column (the default theme
 * would scroll it sideways, hiding its right-hand columns) and no cell may cut off its content. A
 * screenshot of the configuration reference lands in {@code target/site-screenshots} for a human look.
 * The Javadoc of the public API is generated into the site first ({@link ApiDocs}) and published at {@code /api/}.
 */
class SiteInBrowserTest {
    private static final int[] WIDTHS = {1440, 800};
    private static final Pattern RESULT = Pattern.compile("<pre id=\"result\">(.*?)</pre>", Pattern.DOTALL);

    private static Path dist;
    private static Path target;

    @BeforeAll
    static void buildSite() throws Exception {
        Path npm = DocsTools.npm();
        target = DocsTree.repositoryRoot().resolve("tck-tests/doc-snippets/target");
        Path docs = DocsTree.docsDir();
        ApiDocs.generate(docs.resolve("public/api"));
        DocsTools.run(docs, target.resolve("site-build/npm-ci.log"), 10, npm.toString(), "ci", "--no-audit", "--no-fund");
        DocsTools.run(docs, target.resolve("site-build/npm-build.log"), 10, npm.toString(), "run", "build");
        dist = docs.resolve(".vitepress/dist");
        assertTrue(Files.isRegularFile(dist.resolve("index.html")), "the build wrote no " + dist.resolve("index.html"));
    }

    @Test
    void theJavadocOfThePublicApiIsPublishedWithTheSite() throws IOException {
        Path api = dist.resolve("api");
        assertTrue(Files.isRegularFile(api.resolve("index.html")), "no Javadoc at " + api);
        for (String type : List.of("io/headroom/Headroom.html", "io/headroom/HeadroomConfig.html", "io/headroom/host/HeadroomHeaders.html")) {
            assertTrue(Files.isRegularFile(api.resolve(type)), "the Javadoc lacks " + type);
        }
        assertTrue(Files.notExists(api.resolve("io/headroom/internal")), "internal packages must not be published");
    }

    @Test
    void everyPageHasATextColumnAndNoTableIsWiderThanIt() throws Exception {
        Path chromium = DocsTools.chromium();
        List<String> pages = DocsTree.sitePages().stream()
                .map(p -> "/" + DocsTree.docsDir().relativize(p).toString().replace('\\', '/').replaceFirst("\\.md$", ".html"))
                .toList();
        HttpServer server = serve(dist, Map.of("/__check.html", checkPage(pages)));
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            String dom = chromium(chromium, "--dump-dom", url + "/__check.html");
            Matcher m = RESULT.matcher(dom);
            assertTrue(m.find(), "the check page did not finish in Chromium:\n" + dom.substring(0, Math.min(dom.length(), 2000)));
            List<String> lines = m.group(1).lines().toList();
            List<String> problems = lines.stream().filter(l -> !l.startsWith("OK ")).toList();
            assertTrue(problems.isEmpty(), problems.size() + " layout problem(s) in the built site:\n  " + String.join("\n  ", problems));
            assertEquals(pages.size() * WIDTHS.length, lines.size(), "pages checked: " + lines);

            Path shot = target.resolve("site-screenshots/configuration-1440.png");
            Files.createDirectories(shot.getParent());
            chromium(chromium, "--window-size=1440,6000", "--screenshot=" + shot, url + "/configuration.html");
            assertTrue(Files.size(shot) > 0, "no screenshot written");
        } finally {
            server.stop(0);
        }
    }

    /** Runs headless Chromium on one URL and returns what it printed (the DOM for --dump-dom). */
    private static String chromium(Path chromium, String... args) throws Exception {
        Path profile = Files.createTempDirectory(target, "chromium-profile");
        Path out = target.resolve("site-build/chromium-" + System.nanoTime() + ".out");
        List<String> command = new java.util.ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--user-data-dir=" + profile,
                "--virtual-time-budget=60000"));
        command.addAll(List.of(args));
        DocsTools.run(target, out, 3, command.toArray(String[]::new));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** The built site on a loopback port, plus the given extra pages. */
    private static HttpServer serve(Path root, Map<String, String> extra) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            String type;
            if (extra.containsKey(path)) {
                body = extra.get(path).getBytes(StandardCharsets.UTF_8);
                type = "text/html; charset=utf-8";
            } else {
                Path file = root.resolve(path.substring(1)).normalize();
                if (path.endsWith("/")) {
                    file = file.resolve("index.html");
                }
                if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    exchange.close();
                    return;
                }
                body = Files.readAllBytes(file);
                type = contentType(file.getFileName().toString());
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        });
        server.start();
        return server;
    }

    private static String contentType(String name) {
        if (name.endsWith(".html")) return "text/html; charset=utf-8";
        if (name.endsWith(".js")) return "text/javascript";
        if (name.endsWith(".css")) return "text/css";
        if (name.endsWith(".svg")) return "image/svg+xml";
        if (name.endsWith(".png")) return "image/png";
        if (name.endsWith(".json")) return "application/json";
        if (name.endsWith(".woff2")) return "font/woff2";
        return "application/octet-stream";
    }

    /**
     * Loads each page in an iframe of each width and measures it: {@code OK page tables} when every table
     * fits, else one {@code OVERFLOW} / {@code CUT} line per problem; the lines end up in {@code #result}.
     */
    private static String checkPage(List<String> pages) {
        String list = pages.stream().map(p -> "'" + p + "'").collect(Collectors.joining(","));
        String widths = java.util.Arrays.stream(WIDTHS).mapToObj(Integer::toString).collect(Collectors.joining(","));
        return """
                <!doctype html><html><body style="margin:0">
                <iframe id="f" style="height:900px;border:0"></iframe>
                <script>
                const pages = [%s], widths = [%s], out = [];
                const f = document.getElementById('f');
                function measure(url, w) {
                  const d = f.contentDocument, doc = d && d.querySelector('.vp-doc');
                  if (!doc) { out.push('NODOC ' + url + ' @' + w + ': no text column'); return; }
                  const right = doc.getBoundingClientRect().right;
                  const tables = d.querySelectorAll('.vp-doc table');
                  let bad = false;
                  tables.forEach((t, i) => {
                    const r = t.getBoundingClientRect();
                    if (t.scrollWidth > t.clientWidth + 1 || r.right > right + 1) {
                      bad = true;
                      out.push('OVERFLOW ' + url + ' @' + w + ' table ' + (i + 1) + ': ' + Math.round(Math.max(t.scrollWidth, r.width))
                        + 'px wide, text column ' + Math.round(right - r.left) + 'px (' + t.rows[0].textContent.trim().slice(0, 60) + ')');
                    }
                    t.querySelectorAll('td,th').forEach(c => {
                      if (c.scrollWidth > c.clientWidth + 1) {
                        bad = true;
                        out.push('CUT ' + url + ' @' + w + ' table ' + (i + 1) + ': ' + c.textContent.trim().slice(0, 60));
                      }
                    });
                  });
                  if (!bad) out.push('OK ' + url + ' @' + w + ' ' + tables.length + ' tables');
                }
                function load(url, w) {
                  return new Promise(done => {
                    f.onload = () => setTimeout(() => { try { measure(url, w); } catch (e) { out.push('ERROR ' + url + ': ' + e); } done(); }, 500);
                    f.src = url;
                  });
                }
                (async () => {
                  for (const w of widths) {
                    f.style.width = w + 'px';
                    for (const p of pages) await load(p, w);
                  }
                  const pre = document.createElement('pre');
                  pre.id = 'result';
                  pre.textContent = out.join('\\n');
                  document.body.appendChild(pre);
                })();
                </script></body></html>
                """.formatted(list, widths);
    }
}
