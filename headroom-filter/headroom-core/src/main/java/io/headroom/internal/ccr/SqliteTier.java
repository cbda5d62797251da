package io.headroom.internal.ccr;

import io.headroom.CcrConfig;
import io.headroom.CcrDiskSync;
import io.headroom.InvalidConfigException;
import io.headroom.host.HeadroomLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.ehcache.core.spi.time.TimeSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The durable tier of {@link PersistentCcrStore}: one SQLite database ({@code <dir>/ccr.db}) in WAL mode.
 * A put returns only after its transaction committed, so an acknowledged original survives a crash or
 * SIGKILL of the process ({@link CcrDiskSync} says what survives a power loss). Retrieval counts and
 * expiry are columns, updated in place.
 *
 * <p>Quotas: a scope over its {@link ScopeQuota} evicts its own least recently used rows; when the rows
 * held reach {@code maxBytes} a new original is refused, never room made with another scope's rows.
 * Per-scope and total usage are kept in memory (read once at start-up, then maintained under the same lock
 * as the writes), so no put scans a table. Expired rows are purged a small batch per put, all of them
 * before a refusal for lack of room and at start-up: bounded work, no scans on the request path.
 *
 * <p>One connection, one lock: every operation is a short transaction on indexed rows, so serialising them
 * costs less than a pool would. A directory lock keeps other processes out (see {@link DirectoryLock}).
 */
final class SqliteTier implements AutoCloseable {
    static final String FILE = "ccr.db";
    private static final HeadroomLog LOG = HeadroomLog.of(SqliteTier.class);
    private static final int SCHEMA_VERSION = 1;
    /** Expired rows removed by one put: keeps a put's cost flat after an idle hour. */
    private static final int PURGE_BATCH = 64;
    private static final long[] NOTHING = {0, 0};

    /** A held row: its retrieval count (this retrieval included), expiry, and the value when it was asked for. */
    record Hit(long retrievals, long expiresAt, byte[] value) {
    }

    /**
     * @param held    the original is committed (new or refreshed)
     * @param added   it was not held before
     * @param dropped cache keys of rows that left the tier (expired or evicted): drop them from the heap
     */
    record PutOutcome(boolean held, boolean added, List<String> dropped) {
    }

    /** A row its own scope gives up for a new original. */
    private record Victim(long rowid, String hash, long bytes) {
    }

    private final Path file;
    private final DirectoryLock directoryLock;
    private final Connection db;
    private final ScopeQuota quota;
    private final long maxBytes;
    private final TimeSource time;
    private final ReentrantLock lock = new ReentrantLock();
    /** scope to {entries, bytes}; scopes that hold nothing are not kept. */
    private final Map<String, long[]> usage = new HashMap<>();
    private long entries;
    private long bytes;
    /** Last-access order: a counter, not a clock, so it never ties or runs backwards. */
    private long accessSeq;
    private long evicted;
    private long refused;

    private final PreparedStatement selectHeld;
    private final PreparedStatement refresh;
    private final PreparedStatement insert;
    private final PreparedStatement deleteRow;
    private final PreparedStatement expiredRows;
    private final PreparedStatement scopeLru;
    private final PreparedStatement countRetrieval;
    private final PreparedStatement readHit;
    private final PreparedStatement readHitWithValue;
    private final PreparedStatement live;

    private SqliteTier(Path file, DirectoryLock directoryLock, Connection db, ScopeQuota quota, long maxBytes,
                       TimeSource time) throws SQLException {
        this.file = file;
        this.directoryLock = directoryLock;
        this.db = db;
        this.quota = quota;
        this.maxBytes = maxBytes;
        this.time = time;
        createSchema();
        selectHeld = db.prepareStatement("SELECT rowid, expires_at, bytes FROM ccr_original WHERE scope = ? AND hash = ?");
        refresh = db.prepareStatement("UPDATE ccr_original SET expires_at = ?, last_access = ? WHERE rowid = ?");
        insert = db.prepareStatement("INSERT INTO ccr_original (scope, hash, value, bytes, retrievals, expires_at, last_access)"
                + " VALUES (?, ?, ?, ?, 0, ?, ?)");
        deleteRow = db.prepareStatement("DELETE FROM ccr_original WHERE rowid = ?");
        expiredRows = db.prepareStatement("SELECT rowid, scope, hash, bytes FROM ccr_original WHERE expires_at <= ?"
                + " ORDER BY expires_at LIMIT ?");
        scopeLru = db.prepareStatement("SELECT rowid, hash, bytes FROM ccr_original WHERE scope = ? ORDER BY last_access");
        countRetrieval = db.prepareStatement("UPDATE ccr_original SET retrievals = retrievals + 1, last_access = ?"
                + " WHERE scope = ? AND hash = ? AND expires_at > ?");
        readHit = db.prepareStatement("SELECT retrievals, expires_at FROM ccr_original WHERE scope = ? AND hash = ?");
        readHitWithValue = db.prepareStatement("SELECT retrievals, expires_at, value FROM ccr_original WHERE scope = ? AND hash = ?");
        live = db.prepareStatement("SELECT 1 FROM ccr_original WHERE scope = ? AND hash = ? AND expires_at > ?");
        purgeExpired(time.getTimeMillis(), Integer.MAX_VALUE, new ArrayList<>());
        loadUsage();
        db.commit();
    }

    /**
     * Opens (or creates) the database in {@code dir}. Never deletes or rewrites an existing file: one that
     * cannot be opened (corrupt, not a CCR database, written by a newer version, in use by another process)
     * is an ERROR naming the path and an {@link InvalidConfigException} for {@code ccr.disk-path}.
     */
    static SqliteTier open(Path dir, CcrDiskSync sync, ScopeQuota quota, long maxBytes, TimeSource time) {
        Path file = dir.resolve(FILE).toAbsolutePath();
        DirectoryLock directoryLock;
        try {
            Files.createDirectories(dir);
            directoryLock = DirectoryLock.acquire(dir);
        } catch (IOException | RuntimeException e) {
            throw refusedAtStart(file, e);
        }
        Connection db = null;
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(sync == CcrDiskSync.FULL ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
            config.setBusyTimeout(10_000);
            SQLiteDataSource source = new SQLiteDataSource(config);
            source.setUrl("jdbc:sqlite:" + file);
            db = source.getConnection();
            db.setAutoCommit(false);
            return new SqliteTier(file, directoryLock, db, quota, maxBytes, time);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(db);
            directoryLock.close();
            throw refusedAtStart(file, e);
        }
    }

    private static InvalidConfigException refusedAtStart(Path file, Exception e) {
        String why = e instanceof IOException && e.getMessage() != null ? e.getMessage() : describe(e);
        LOG.error("CCR persistent tier: cannot open {} ({}); nothing in it was changed or deleted", file, why);
        return new InvalidConfigException(CcrConfig.DISK_PATH, "cannot open the CCR database " + file + " (" + why + ")", e);
    }

    private void createSchema() throws SQLException {
        try (Statement s = db.createStatement()) {
            int version;
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version > SCHEMA_VERSION) {
                throw new SQLException("schema version " + version + " was written by a newer Headroom");
            }
            s.execute("CREATE TABLE IF NOT EXISTS ccr_original (scope TEXT NOT NULL, hash TEXT NOT NULL,"
                    + " value BLOB NOT NULL, bytes INTEGER NOT NULL, retrievals INTEGER NOT NULL,"
                    + " expires_at INTEGER NOT NULL, last_access INTEGER NOT NULL, PRIMARY KEY (scope, hash))");
            s.execute("CREATE INDEX IF NOT EXISTS ccr_original_expiry ON ccr_original (expires_at)");
            s.execute("CREATE INDEX IF NOT EXISTS ccr_original_lru ON ccr_original (scope, last_access)");
            s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
        }
        db.commit();
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_size_limit = 67108864"); // the WAL shrinks back to 64 MB after a checkpoint
        }
    }

    private void loadUsage() throws SQLException {
        usage.clear();
        entries = 0;
        bytes = 0;
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT scope, count(*), coalesce(sum(bytes), 0) FROM ccr_original GROUP BY scope")) {
            while (rs.next()) {
                long[] u = {rs.getLong(2), rs.getLong(3)};
                usage.put(rs.getString(1), u);
                entries += u[0];
                bytes += u[1];
            }
        }
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(max(last_access), 0) FROM ccr_original")) {
            accessSeq = rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * Commits {@code value} under (scope, hash) until {@code expiresAt}, or restarts the expiry of the row
     * already held there. Returns only after the commit, or with {@code held} false when the quotas leave no
     * room or the write failed (logged once, without content).
     */
    PutOutcome put(String scope, String hash, byte[] value, long expiresAt) {
        List<String> dropped = new ArrayList<>();
        lock.lock();
        try {
            long now = time.getTimeMillis();
            purgeExpired(now, PURGE_BATCH, dropped);
            selectHeld.setString(1, scope);
            selectHeld.setString(2, hash);
            long heldRow = -1;
            try (ResultSet rs = selectHeld.executeQuery()) {
                if (rs.next()) {
                    if (rs.getLong(2) > now) {
                        heldRow = rs.getLong(1);
                    } else {
                        delete(rs.getLong(1), scope, hash, rs.getLong(3), dropped);
                    }
                }
            }
            if (heldRow >= 0) {
                refresh.setLong(1, expiresAt);
                refresh.setLong(2, ++accessSeq);
                refresh.setLong(3, heldRow);
                refresh.executeUpdate();
                db.commit();
                return new PutOutcome(true, false, dropped);
            }
            long size = value.length;
            if (bytes + size > maxBytes) {
                purgeExpired(now, Integer.MAX_VALUE, dropped); // all of them, before refusing for lack of room
            }
            List<Victim> victims = size > quota.maxBytes() ? List.of() : victims(scope, size);
            long freed = victims.stream().mapToLong(Victim::bytes).sum();
            if (size > quota.maxBytes() || bytes - freed + size > maxBytes) {
                db.commit(); // the purge
                refused++;
                return new PutOutcome(false, false, dropped);
            }
            for (Victim v : victims) {
                delete(v.rowid(), scope, v.hash(), v.bytes(), dropped);
            }
            insert.setString(1, scope);
            insert.setString(2, hash);
            insert.setBytes(3, value);
            insert.setLong(4, size);
            insert.setLong(5, expiresAt);
            insert.setLong(6, ++accessSeq);
            insert.executeUpdate();
            db.commit();
            account(scope, 1, size);
            evicted += victims.size();
            return new PutOutcome(true, true, dropped);
        } catch (SQLException | RuntimeException e) {
            recover(e, "store an original; it goes out uncompressed");
            refused++;
            return new PutOutcome(false, false, dropped);
        } finally {
            lock.unlock();
        }
    }

    /** The least recently used rows of {@code scope} that must go so a new original of {@code size} fits its quota. */
    private List<Victim> victims(String scope, long size) throws SQLException {
        long[] u = usage.getOrDefault(scope, NOTHING);
        long e = u[0] + 1;
        long b = u[1] + size;
        List<Victim> victims = new ArrayList<>();
        if (!quota.exceededBy(e, b)) {
            return victims;
        }
        scopeLru.setString(1, scope);
        try (ResultSet rs = scopeLru.executeQuery()) {
            while (quota.exceededBy(e, b) && rs.next()) {
                Victim v = new Victim(rs.getLong(1), rs.getString(2), rs.getLong(3));
                victims.add(v);
                e--;
                b -= v.bytes();
            }
        }
        return victims;
    }

    /**
     * Counts a retrieval of (scope, hash) and marks it recently used, committed before it returns.
     *
     * @param withValue whether to read the stored value too (false when the heap tier has it)
     * @return empty when nothing live is held there (or the read failed: logged, answered as a miss)
     */
    Optional<Hit> retrieve(String scope, String hash, boolean withValue) {
        lock.lock();
        try {
            countRetrieval.setLong(1, ++accessSeq);
            countRetrieval.setString(2, scope);
            countRetrieval.setString(3, hash);
            countRetrieval.setLong(4, time.getTimeMillis());
            if (countRetrieval.executeUpdate() == 0) {
                db.commit();
                return Optional.empty();
            }
            PreparedStatement read = withValue ? readHitWithValue : readHit;
            read.setString(1, scope);
            read.setString(2, hash);
            Hit hit;
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                hit = new Hit(rs.getLong(1), rs.getLong(2), withValue ? rs.getBytes(3) : null);
            }
            db.commit();
            return Optional.of(hit);
        } catch (SQLException | RuntimeException e) {
            recover(e, "read an original; answered as unknown");
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    boolean contains(String scope, String hash) {
        lock.lock();
        try {
            live.setString(1, scope);
            live.setString(2, hash);
            live.setLong(3, time.getTimeMillis());
            boolean found;
            try (ResultSet rs = live.executeQuery()) {
                found = rs.next();
            }
            db.commit();
            return found;
        } catch (SQLException | RuntimeException e) {
            recover(e, "look an original up");
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** {entries, bytes, evicted, refused}, after purging what expired. */
    long[] usage(List<String> dropped) {
        lock.lock();
        try {
            try {
                purgeExpired(time.getTimeMillis(), Integer.MAX_VALUE, dropped);
                db.commit();
            } catch (SQLException | RuntimeException e) {
                recover(e, "purge expired originals");
            }
            return new long[] {entries, bytes, evicted, refused};
        } finally {
            lock.unlock();
        }
    }

    /** Deletes up to {@code limit} expired rows, oldest expiry first. */
    private void purgeExpired(long now, int limit, List<String> dropped) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        expiredRows.setLong(1, now);
        expiredRows.setInt(2, limit);
        try (ResultSet rs = expiredRows.executeQuery()) {
            while (rs.next()) {
                rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)});
            }
        }
        for (Object[] r : rows) {
            delete((Long) r[0], (String) r[1], (String) r[2], (Long) r[3], dropped);
        }
    }

    private void delete(long rowid, String scope, String hash, long rowBytes, List<String> dropped) throws SQLException {
        deleteRow.setLong(1, rowid);
        deleteRow.executeUpdate();
        account(scope, -1, -rowBytes);
        dropped.add(EhcacheCcrStore.key(scope, hash));
    }

    private void account(String scope, long deltaEntries, long deltaBytes) {
        long[] u = usage.computeIfAbsent(scope, k -> new long[2]);
        u[0] += deltaEntries;
        u[1] += deltaBytes;
        if (u[0] <= 0) {
            usage.remove(scope);
        }
        entries += deltaEntries;
        bytes += deltaBytes;
    }

    /**
     * After a failed operation: roll back and re-read the usage from the database (the in-memory counters
     * may have moved with statements that were rolled back). One WARN line, no content.
     */
    private void recover(Exception e, String what) {
        LOG.warn("CCR persistent tier {}: could not {} ({})", file, what, describe(e));
        try {
            db.rollback();
            loadUsage();
            db.commit();
        } catch (SQLException again) {
            LOG.warn("CCR persistent tier {}: rollback failed ({})", file, describe(again));
        }
    }

    /** Closes the connection (SQLite checkpoints the WAL into the database) and releases the directory. */
    @Override
    public void close() {
        lock.lock();
        try {
            closeQuietly(db);
        } finally {
            directoryLock.close();
            lock.unlock();
        }
    }

    boolean isClosed() {
        try {
            return db.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private static void closeQuietly(Connection db) {
        if (db == null) {
            return;
        }
        try {
            if (!db.isClosed()) {
                db.rollback();
                db.close();
            }
        } catch (SQLException e) {
            LOG.warn("CCR persistent tier: close failed ({})", describe(e));
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
