package io.headroom.internal.ccr;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS lock on {@code <dir>/ccr.lock}, held while a persistent tier uses the directory. The tier
 * keeps its quota counters in memory, so a second process (or a second store in this JVM) writing the same
 * database would make them wrong: it is refused instead. The OS releases the lock when the process dies,
 * however it dies, so a SIGKILL never leaves the directory locked.
 */
final class DirectoryLock implements AutoCloseable {
    static final String FILE = "ccr.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws IOException when the lock file cannot be opened, or with a message saying who holds it */
    static DirectoryLock acquire(Path dir) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IOException("in use by another process (" + FILE + " is locked)");
            }
            return new DirectoryLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new IOException("in use by another CCR store of this process", e);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the lock goes with the channel; nothing left to do
        }
    }
}
