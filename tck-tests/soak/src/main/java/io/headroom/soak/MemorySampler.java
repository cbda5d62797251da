package io.headroom.soak;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Samples the gateway's memory every few seconds: heap used (and, after the last collection, the heap
 * that survived it) through the child's local JMX agent, started by attaching to it (the gateway itself
 * needs no JMX flags), and the resident set size from {@code /proc/<pid>/status}. A new pid (after a
 * restart) gets a new connection.
 */
final class MemorySampler implements AutoCloseable {
    /** One observation; -1 where a figure could not be read. */
    record Sample(long epochMillis, long pid, long heapUsed, long heapCommitted, long heapAfterGc, long rss) {
    }

    private final LongSupplier pid;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "memory-sampler");
        t.setDaemon(true);
        return t;
    });
    private long connectedPid = -1;
    private JMXConnector connector;
    private MemoryMXBean memory;
    private List<MemoryPoolMXBean> heapPools = List.of();

    /** Held so the setting sticks: the JMX client's connection checker would print a warning per dead pid. */
    private static final java.util.logging.Logger JMX_CLIENT_LOG = java.util.logging.Logger.getLogger("javax.management.remote");

    MemorySampler(LongSupplier pid) {
        this.pid = pid;
        JMX_CLIENT_LOG.setLevel(java.util.logging.Level.OFF);
    }

    void start(long periodMillis) {
        timer.scheduleAtFixedRate(this::sampleOnce, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    private void sampleOnce() {
        long p = pid.getAsLong();
        if (p <= 0) {
            return;
        }
        long rss = rssOf(p);
        long used = -1;
        long committed = -1;
        long afterGc = -1;
        try {
            connect(p);
            MemoryUsage heap = memory.getHeapMemoryUsage();
            used = heap.getUsed();
            committed = heap.getCommitted();
            long survived = 0;
            for (MemoryPoolMXBean pool : heapPools) {
                MemoryUsage u = pool.getCollectionUsage();
                survived += u == null ? 0 : u.getUsed();
            }
            afterGc = survived;
        } catch (Exception | LinkageError e) {
            disconnect();
            if (problems.size() < 20) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                problems.add(("pid " + p + ": " + cause).replaceAll("\\s+", " ")); // one line in the report
            }
        }
        if (rss >= 0 || used >= 0) {
            samples.add(new Sample(System.currentTimeMillis(), p, used, committed, afterGc, rss));
        }
    }

    private void connect(long p) throws Exception {
        if (p == connectedPid && memory != null) {
            return;
        }
        disconnect();
        VirtualMachine vm = VirtualMachine.attach(Long.toString(p));
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
        MBeanServerConnection server = connector.getMBeanServerConnection();
        memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        heapPools = ManagementFactory.getPlatformMXBeans(server, MemoryPoolMXBean.class).stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        connectedPid = p;
    }

    private void disconnect() {
        memory = null;
        connectedPid = -1;
        if (connector != null) {
            try {
                connector.close();
            } catch (IOException ignored) {
                // the process is gone
            }
            connector = null;
        }
    }

    /** VmRSS of the process in bytes, or -1 when it is gone. */
    static long rssOf(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return parseKb(line) * 1024;
                }
            }
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
        return -1;
    }

    /** "VmRSS:\t  123456 kB" -> 123456. */
    static long parseKb(String statusLine) {
        String digits = statusLine.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(10, TimeUnit.SECONDS);
        disconnect();
    }
}
