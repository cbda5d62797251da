package io.headroom;

import java.util.Locale;

/**
 * When the persistent CCR tier ({@code ccr.disk-path}) forces its writes to the disk ({@code ccr.disk-sync}).
 * The tier is SQLite in WAL mode; a put is acknowledged (and its hash handed out) only after its transaction
 * committed, so what this decides is which failures a committed original survives.
 */
public enum CcrDiskSync {
    /**
     * SQLite {@code synchronous=NORMAL}: a commit is written to the write-ahead log without an fsync; the
     * log is synced when it is checkpointed. Survives a crash, SIGKILL or OOM kill of the process (the
     * operating system still holds the written pages); a power loss or kernel crash may undo the
     * transactions committed since the last checkpoint (never corrupts the database). A put costs tens of
     * microseconds.
     */
    NORMAL("normal"),
    /**
     * SQLite {@code synchronous=FULL}: every commit fsyncs the write-ahead log before it returns, so an
     * acknowledged original survives a power loss too. Each put then waits for the disk (typically 0.1 to
     * a few milliseconds, far more on network storage).
     */
    FULL("full");

    private final String wireName;

    CcrDiskSync(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** @throws IllegalArgumentException for anything but normal or full */
    public static CcrDiskSync parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "normal" -> NORMAL;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("'" + value + "' is not one of normal, full");
        };
    }
}
