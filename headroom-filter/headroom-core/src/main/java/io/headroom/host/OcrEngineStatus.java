package io.headroom.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the OCR engine the image router's {@code transcode} technique needs (Tesseract, the Debian package
 * {@code tesseract-ocr}) is installed, found once by running {@code tesseract --version}. Without it,
 * {@code transcode} is off: images whose question is about reading text are kept as they are. Hosts put
 * {@link #healthFields()} into their {@code /health} answer.
 */
public record OcrEngineStatus(boolean available, String engine, String version, String detail) {
    public static final String ENGINE = "tesseract";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern VERSION = Pattern.compile("tesseract\\s+v?([0-9][0-9A-Za-z.\\-]*)");
    private static volatile OcrEngineStatus detected;

    /** The engine on the {@code PATH}, probed on the first call and remembered for the life of the JVM. */
    public static OcrEngineStatus detect() {
        OcrEngineStatus status = detected;
        if (status == null) {
            synchronized (OcrEngineStatus.class) {
                status = detected;
                if (status == null) {
                    status = probe(ENGINE, PROBE_TIMEOUT);
                    detected = status;
                }
            }
        }
        return status;
    }

    /** Runs {@code <executable> --version}; never throws: a missing or failing engine is reported unavailable. */
    public static OcrEngineStatus probe(String executable, Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
        } catch (IOException e) {
            return new OcrEngineStatus(false, ENGINE, null, "not installed (" + executable + " not found)");
        }
        try (InputStream out = process.getInputStream()) {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new OcrEngineStatus(false, ENGINE, null, "version probe timed out");
            }
            String text = new String(out.readNBytes(4096), StandardCharsets.UTF_8);
            Matcher version = VERSION.matcher(text);
            if (process.exitValue() != 0 || !version.find()) {
                return new OcrEngineStatus(false, ENGINE, null, "version probe failed (exit " + process.exitValue() + ")");
            }
            return new OcrEngineStatus(true, ENGINE, version.group(1), "installed");
        } catch (IOException e) {
            return new OcrEngineStatus(false, ENGINE, null, "version probe failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return new OcrEngineStatus(false, ENGINE, null, "version probe interrupted");
        }
    }

    /** {@code {"available": true, "engine": "tesseract", "version": "5.3.0"}}, or with {@code detail} when off. */
    public Map<String, Object> healthFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("available", available);
        fields.put("engine", engine);
        if (version != null) {
            fields.put("version", version);
        }
        if (!available) {
            fields.put("detail", detail);
        }
        return fields;
    }
}
