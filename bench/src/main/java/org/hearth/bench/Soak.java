package org.hearth.bench;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The soak: the benchmark's mix held for a long time (30 minutes at 50 users by default), watched for what grows
 * when nothing should: the heap left after collections, the database connections, requests waiting for one.
 *
 * <p>{@code Soak sample PID SECONDS FILE} attaches to the running WildFly (the JDK's attach API, the same
 * user) and appends one line every SECONDS until it is stopped: the heap in use and the old generation's
 * occupancy after its last collection, the HearthDS pool's statistics (connections in use, idle, the most ever
 * in use, how many requests had to wait for one, the longest and the total wait), and the connections the
 * database itself counts for Hearth's role ({@code pg_stat_activity}, over {@code DB_URL}).
 *
 * <p>{@code Soak report FILE GATLING_RUN_DIR OUT} writes the soak's report: errors, the samples in windows of five
 * minutes, and whether the heap floor and the connections stayed flat.
 */
public final class Soak {

    static final String POOL = "jboss.as:subsystem=datasources,data-source=HearthDS,statistics=pool";
    static final String HEADER = "epochSecond,heapUsedMiB,oldAfterGcMiB,poolInUse,poolIdle,poolMaxUsed,"
            + "poolWaitCount,poolMaxWaitMs,poolTotalBlockingMs,poolTimedOut,dbConnections";

    /** The heap floor may rise this much from the first to the last window and still count as flat. */
    static final double HEAP_DRIFT_MIB = 64;

    /** The connections' peak may differ this much between the second and the last window and still be flat. */
    static final long CONNECTION_DRIFT = 2;

    private Soak() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("sample")) {
            sample(args[1], Integer.parseInt(args[2]), Path.of(args[3]));
        } else if (args.length == 4 && args[0].equals("report")) {
            List<Sample> samples = read(Path.of(args[1]));
            List<BenchReport.Request> requests = BenchReport.read(Path.of(args[2], "index.html"));
            String report = report(samples, requests);
            Files.writeString(Path.of(args[3]), report);
            System.out.print(report);
        } else {
            System.err.println("usage: Soak sample PID SECONDS FILE | Soak report FILE GATLING_RUN_DIR OUT");
            System.exit(2);
        }
    }

    /** One line of the samples file. */
    record Sample(
            long epochSecond,
            double heapUsedMiB,
            double oldAfterGcMiB,
            long poolInUse,
            long poolIdle,
            long poolMaxUsed,
            long poolWaitCount,
            long poolMaxWaitMs,
            long poolTotalBlockingMs,
            long poolTimedOut,
            long dbConnections) {

        static Sample parse(String line) {
            String[] f = line.split(",");
            return new Sample(
                    Long.parseLong(f[0]),
                    Double.parseDouble(f[1]),
                    Double.parseDouble(f[2]),
                    Long.parseLong(f[3]),
                    Long.parseLong(f[4]),
                    Long.parseLong(f[5]),
                    Long.parseLong(f[6]),
                    Long.parseLong(f[7]),
                    Long.parseLong(f[8]),
                    Long.parseLong(f[9]),
                    Long.parseLong(f[10]));
        }

        String line() {
            return String.format(
                    Locale.ROOT,
                    "%d,%.1f,%.1f,%d,%d,%d,%d,%d,%d,%d,%d",
                    epochSecond,
                    heapUsedMiB,
                    oldAfterGcMiB,
                    poolInUse,
                    poolIdle,
                    poolMaxUsed,
                    poolWaitCount,
                    poolMaxWaitMs,
                    poolTotalBlockingMs,
                    poolTimedOut,
                    dbConnections);
        }
    }

    static void sample(String pid, int seconds, Path file) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(pid);
        String address = vm.startLocalManagementAgent();
        vm.detach();
        Map<String, String> env = System.getenv();
        String url = env.getOrDefault("DB_URL", "jdbc:postgresql://localhost:15432/hearth");
        String user = env.getOrDefault("DB_USER", "hearth");
        try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(address));
                Connection db = DriverManager.getConnection(url, user, env.getOrDefault("DB_PASSWORD", "hearth"));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            ObjectName pool = new ObjectName(POOL);
            ObjectName oldGen = oldGeneration(server);
            out.println(HEADER);
            out.flush();
            while (!Thread.currentThread().isInterrupted()) {
                MemoryUsage heap = MemoryUsage.from((CompositeData)
                        server.getAttribute(new ObjectName("java.lang:type=Memory"), "HeapMemoryUsage"));
                CompositeData afterGc =
                        oldGen == null ? null : (CompositeData) server.getAttribute(oldGen, "CollectionUsage");
                double oldAfterGc =
                        afterGc == null ? 0 : MemoryUsage.from(afterGc).getUsed() / 1048576.0;
                Sample sample = new Sample(
                        Instant.now().getEpochSecond(),
                        heap.getUsed() / 1048576.0,
                        oldAfterGc,
                        number(server, pool, "InUseCount"),
                        number(server, pool, "AvailableCount") - number(server, pool, "InUseCount"),
                        number(server, pool, "MaxUsedCount"),
                        number(server, pool, "WaitCount"),
                        number(server, pool, "MaxWaitTime"),
                        number(server, pool, "TotalBlockingTime"),
                        number(server, pool, "TimedOut"),
                        connections(db, user));
                out.println(sample.line());
                out.flush();
                Thread.sleep(seconds * 1000L);
            }
        }
    }

    /** The pool statistic by its management name, whatever case the JMX facade gives it. */
    static long number(MBeanServerConnection server, ObjectName name, String attribute) throws Exception {
        for (MBeanAttributeInfo info : server.getMBeanInfo(name).getAttributes()) {
            if (info.getName().equalsIgnoreCase(attribute)) {
                Object value = server.getAttribute(name, info.getName());
                return value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value));
            }
        }
        throw new IllegalStateException(attribute + " is not a statistic of " + name
                + ": are the datasource's statistics enabled (statistics-enabled=true)?");
    }

    private static ObjectName oldGeneration(MBeanServerConnection server) throws Exception {
        for (ObjectName name : server.queryNames(new ObjectName("java.lang:type=MemoryPool,*"), null)) {
            String pool = name.getKeyProperty("name");
            if (pool.contains("Old Gen") || pool.contains("Tenured")) {
                return name;
            }
        }
        return null;
    }

    private static long connections(Connection db, String user) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select count(*) from pg_stat_activity where usename = '" + user.replace("'", "''") + "'")) {
            rows.next();
            return rows.getLong(1) - 1; // not this sampler's own
        }
    }

    static List<Sample> read(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .skip(1)
                .filter(l -> !l.isBlank())
                .map(Sample::parse)
                .toList();
    }

    /** The samples in windows of five minutes: the heap floor, the connections' peaks, the waits. */
    record Window(
            int minute,
            double heapFloorMiB,
            double heapPeakMiB,
            double oldAfterGcMiB,
            long poolInUsePeak,
            long dbConnectionsPeak,
            long waitsSoFar,
            long maxWaitMs) {}

    static List<Window> windows(List<Sample> samples) {
        List<Window> windows = new ArrayList<>();
        if (samples.isEmpty()) {
            return windows;
        }
        long start = samples.get(0).epochSecond();
        List<Sample> current = new ArrayList<>();
        int index = 0;
        for (Sample s : samples) {
            int at = (int) ((s.epochSecond() - start) / 300);
            if (at != index && !current.isEmpty()) {
                windows.add(window(index, current));
                current = new ArrayList<>();
            }
            index = at;
            current.add(s);
        }
        windows.add(window(index, current));
        return windows;
    }

    private static Window window(int index, List<Sample> samples) {
        Sample last = samples.get(samples.size() - 1);
        return new Window(
                index * 5,
                samples.stream().mapToDouble(Sample::heapUsedMiB).min().orElse(0),
                samples.stream().mapToDouble(Sample::heapUsedMiB).max().orElse(0),
                last.oldAfterGcMiB(),
                samples.stream().mapToLong(Sample::poolInUse).max().orElse(0),
                samples.stream().mapToLong(Sample::dbConnections).max().orElse(0),
                last.poolWaitCount(),
                last.poolMaxWaitMs());
    }

    static String report(List<Sample> samples, List<BenchReport.Request> requests) {
        long count = requests.stream().mapToLong(BenchReport.Request::count).sum();
        long errors = requests.stream().mapToLong(BenchReport.Request::errors).sum();
        List<Window> windows = windows(samples);
        StringBuilder md = new StringBuilder("# Soak report\n\n");
        if (samples.isEmpty()) {
            return md.append("No samples were taken.\n").toString();
        }
        long minutes =
                (samples.get(samples.size() - 1).epochSecond() - samples.get(0).epochSecond()) / 60;
        Sample last = samples.get(samples.size() - 1);
        md.append(String.format(
                Locale.ROOT,
                "%d requests in %d minutes, %d failed. The pool lent at most %d connections at once; %d requests waited"
                        + " for one (longest %d ms, %d ms in all); %d timed out.%n%n",
                count,
                minutes,
                errors,
                last.poolMaxUsed(),
                last.poolWaitCount(),
                last.poolMaxWaitMs(),
                last.poolTotalBlockingMs(),
                last.poolTimedOut()));
        md.append("| minute | heap floor MiB | heap peak MiB | old gen after GC MiB | pool in use (peak) |"
                + " DB connections (peak) | waits so far | longest wait ms |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Window w : windows) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %d | %.0f | %.0f | %.0f | %d | %d | %d | %d |%n",
                    w.minute(),
                    w.heapFloorMiB(),
                    w.heapPeakMiB(),
                    w.oldAfterGcMiB(),
                    w.poolInUsePeak(),
                    w.dbConnectionsPeak(),
                    w.waitsSoFar(),
                    w.maxWaitMs()));
        }
        md.append('\n').append(verdict(windows, errors)).append('\n');
        md.append("\n| request | count | failed | p50 ms | p95 ms | p99 ms |\n|---|---:|---:|---:|---:|---:|\n");
        for (BenchReport.Request r : requests) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %.0f | %.0f | %.0f |%n",
                    r.name(),
                    r.count(),
                    r.errors(),
                    r.p50(),
                    r.p95(),
                    r.p99()));
        }
        return md.toString();
    }

    /**
     * Flat means: the heap left after collections (the old generation after its last collection, or when the
     * collector does not report that, the lowest heap in use) in the last window is within {@link #HEAP_DRIFT_MIB}
     * of the second window's (the first holds the ramp-up), and the database connections' peak in the last window
     * is within {@link #CONNECTION_DRIFT} of the second window's.
     */
    static String verdict(List<Window> windows, long errors) {
        List<String> findings = new ArrayList<>();
        findings.add(errors == 0 ? "0 errors" : errors + " errors");
        if (windows.size() < 3) {
            findings.add("too short to judge the heap and the connections (fewer than three windows)");
            return String.join("; ", findings) + ".";
        }
        Window second = windows.get(1);
        Window last = windows.get(windows.size() - 1);
        // the old generation after its last collection, when the collector reports it; else the window's floor
        boolean afterGc = second.oldAfterGcMiB() > 0 && last.oldAfterGcMiB() > 0;
        double from = afterGc ? second.oldAfterGcMiB() : second.heapFloorMiB();
        double to = afterGc ? last.oldAfterGcMiB() : last.heapFloorMiB();
        findings.add(String.format(
                Locale.ROOT,
                "%s %.0f → %.0f MiB (%s)",
                afterGc ? "old generation after GC" : "heap floor",
                from,
                to,
                to - from <= HEAP_DRIFT_MIB ? "flat" : "GROWING"));
        findings.add(String.format(
                Locale.ROOT,
                "database connections peak %d in the last window, %d in the second (%s)",
                last.dbConnectionsPeak(),
                second.dbConnectionsPeak(),
                last.dbConnectionsPeak() <= second.dbConnectionsPeak() + CONNECTION_DRIFT ? "flat" : "GROWING"));
        return String.join("; ", findings) + ".";
    }
}
