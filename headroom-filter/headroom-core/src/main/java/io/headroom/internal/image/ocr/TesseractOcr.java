package io.headroom.internal.image.ocr;

import io.headroom.host.HeadroomLog;
import io.headroom.host.OcrEngineStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Tesseract run as a process ({@code tesseract <image> <out> -l eng tsv}): the image goes in as a temp file of its bytes,
 * the word table comes back as a temp file read up to a bound. Each call has a timeout (the engine's own, or the
 * caller's smaller budget, counted from the call: writing the temp file spends it too); a call that times out,
 * fails or writes more than the bound gives nothing, and the caller keeps the image. Tesseract's own threads are
 * limited to one per call ({@code OMP_THREAD_LIMIT=1}) so OCR never takes every core of a busy host.
 *
 * <p>Thread-safe: each call has its own process and files; at most one process per core runs at a time in the JVM.
 */
public final class TesseractOcr {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    public static final int DEFAULT_MAX_OUTPUT_BYTES = 1 << 20;
    /** Below this the engine cannot even start (process launch, model load): not worth a process. */
    static final long MIN_BUDGET_MILLIS = 50;
    private static final HeadroomLog LOG = HeadroomLog.of(TesseractOcr.class);

    private final OcrEngineStatus status;
    private final String executable;
    private final String language;
    private final Duration timeout;
    private final int maxOutputBytes;
    /**
     * One engine process per core at most in this JVM, across all requests and Headroom instances: each process is
     * held to one thread, so a burst of reading questions queues here (within each call's budget) instead of
     * starting a process per request.
     */
    static final Semaphore PROCESSES = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));

    public TesseractOcr(OcrEngineStatus status, String executable, String language, Duration timeout,
            int maxOutputBytes) {
        if (timeout.isNegative() || timeout.isZero() || maxOutputBytes <= 0) {
            throw new IllegalArgumentException("timeout and output bound must be positive");
        }
        this.status = status;
        this.executable = executable;
        this.language = language;
        this.timeout = timeout;
        this.maxOutputBytes = maxOutputBytes;
    }

    /** The engine on the {@code PATH} as found at start-up, English, default timeout and bound. */
    public static TesseractOcr detected() {
        return new TesseractOcr(OcrEngineStatus.detect(), OcrEngineStatus.ENGINE, "eng", DEFAULT_TIMEOUT,
                DEFAULT_MAX_OUTPUT_BYTES);
    }

    public boolean available() {
        return status.available();
    }

    public OcrEngineStatus status() {
        return status;
    }

    /**
     * The text in {@code encoded} (PNG, JPEG, GIF or WebP bytes: the engine detects the format from the bytes, so an
     * image goes to it as it came, with no decode and re-encode, which on a 4096² image cost more than a second),
     * within {@code budget} when it is shorter than the engine's timeout (null: the engine's timeout). A budget too
     * short to start the engine ({@value #MIN_BUDGET_MILLIS} ms) is not tried. Empty when the engine is off or the
     * call failed (one WARN line, no content).
     */
    public Optional<OcrText> recognize(byte[] encoded, Duration budget) {
        if (!status.available()) {
            return Optional.empty();
        }
        long limitMillis = budget == null ? timeout.toMillis() : Math.min(timeout.toMillis(), budget.toMillis());
        if (limitMillis < MIN_BUDGET_MILLIS) {
            LOG.debug("OCR not started: {} ms left for it; the image is kept", limitMillis);
            return Optional.empty();
        }
        long endNanos = System.nanoTime() + limitMillis * 1_000_000L;
        Path dir = null;
        try {
            dir = Files.createTempDirectory("headroom-ocr");
            Path input = Files.write(dir.resolve("image"), encoded);
            if (!PROCESSES.tryAcquire(Math.max(0, endNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                LOG.warn("OCR not started: every engine process was busy for its whole budget; the image is kept");
                return Optional.empty();
            }
            try {
                return run(input, dir.resolve("words"), endNanos);
            } finally {
                PROCESSES.release();
            }
        } catch (IOException e) {
            LOG.warn("OCR failed ({}); the image is kept", e.getClass().getSimpleName());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            deleteQuietly(dir);
        }
    }

    private Optional<OcrText> run(Path input, Path outputBase, long endNanos) throws IOException, InterruptedException {
        long waitMillis = (endNanos - System.nanoTime()) / 1_000_000L;
        if (waitMillis <= 0) {
            LOG.warn("OCR not started: its time went on preparing the image; the image is kept");
            return Optional.empty();
        }
        ProcessBuilder builder = new ProcessBuilder(executable, input.toString(), outputBase.toString(),
                "-l", language, "tsv")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        Process process = builder.start();
        if (!process.waitFor(waitMillis, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            LOG.warn("OCR timed out after {} ms; the image is kept", waitMillis);
            return Optional.empty();
        }
        Path tsv = outputBase.resolveSibling(outputBase.getFileName() + ".tsv");
        if (process.exitValue() != 0 || !Files.isRegularFile(tsv)) {
            LOG.warn("OCR exited with {}; the image is kept", process.exitValue());
            return Optional.empty();
        }
        if (Files.size(tsv) > maxOutputBytes) {
            LOG.warn("OCR output over {} bytes; the image is kept", maxOutputBytes);
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(tsv)) {
            return Optional.of(TesseractTsv.parse(new String(in.readNBytes(maxOutputBytes), StandardCharsets.UTF_8)));
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            files.forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a temp file left behind is harmless; the OCR answer is what matters
        }
        dir.toFile().delete();
    }
}
