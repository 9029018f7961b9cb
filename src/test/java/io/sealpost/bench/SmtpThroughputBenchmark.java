package io.sealpost.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.sealpost.testing.RunningSealpost;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sealpost against Postfix on the same machine in the same run (DESIGN.md, "Performance
 * anchors"): the same {@code smtp-source} load goes into a private Postfix instance and into
 * Sealpost, each relaying to its own {@code smtp-sink}. Two rates per side: ingress (until
 * smtp-source has its last 250) and end to end (until the sink holds every message). Figures
 * are printed, not asserted: timing depends on the machine and whatever else runs on it.
 *
 * <p>Run: {@code mvn -B test -Pbenchmark}; size with {@code -Dbench.messages}, {@code
 * -Dbench.sessions}, {@code -Dbench.size}, {@code -Dbench.rounds}. Needs Postfix installed
 * ({@code apt-get install postfix}) and root, which Postfix needs to start an instance.
 */
@Tag("benchmark")
class SmtpThroughputBenchmark {

    private static final int MESSAGES = Integer.getInteger("bench.messages", 3000);
    private static final int SESSIONS = Integer.getInteger("bench.sessions", 20);
    private static final int SIZE = Integer.getInteger("bench.size", 4096);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    /** Unmeasured first load per side, so the JIT and the connection pools are warm as in service. */
    private static final int WARM_UP_MESSAGES = MESSAGES;
    private static final long DELIVERY_TIMEOUT_SECONDS = 120;

    private static final Path POSTFIX = Path.of("/usr/sbin/postfix");
    private static final Path SMTP_SOURCE = Path.of("/usr/sbin/smtp-source");
    private static final Path SMTP_SINK = Path.of("/usr/sbin/smtp-sink");

    @TempDir
    Path work;

    /**
     * One measured load: seconds until the last 250, until the sink had every message, and the CPU
     * the side's own processes used meanwhile (less sensitive than time to whatever else runs).
     */
    private record Measurement(String side, int round, double ingressSeconds, double endToEndSeconds, double cpuSeconds) {
        double ingressRate() {
            return MESSAGES / ingressSeconds;
        }

        double endToEndRate() {
            return MESSAGES / endToEndSeconds;
        }

        double cpuMillisPerMessage() {
            return cpuSeconds * 1000 / MESSAGES;
        }
    }

    @Test
    void sealpostAgainstPostfix() throws Exception {
        requirePostfixTools();
        List<Measurement> measurements = new ArrayList<>();
        try (CountingSink postfixSink = CountingSink.start(work.resolve("postfix-sink.out"));
             PrivatePostfix postfix = PrivatePostfix.start(work.resolve("postfix"), postfixSink.port());
             CountingSink sealpostSink = CountingSink.start(work.resolve("sealpost-sink.out"));
             RunningSealpost sealpost = RunningSealpost.start(work.resolve("sealpost"),
                     Map.of("sealpost.relay.uri", "smtp://127.0.0.1:" + sealpostSink.port()))) {
            ProcessCpu postfixCpu = ProcessCpu.withChildren(postfix.masterPid());
            ProcessCpu sealpostCpu = ProcessCpu.withoutChildren(ProcessHandle.current().pid());
            load("postfix", 0, postfix.port(), postfixSink, postfixCpu, WARM_UP_MESSAGES);
            load("sealpost", 0, sealpost.smtpPort(), sealpostSink, sealpostCpu, WARM_UP_MESSAGES);
            for (int round = 1; round <= ROUNDS; round++) {
                measurements.add(load("postfix", round, postfix.port(), postfixSink, postfixCpu, MESSAGES));
                measurements.add(load("sealpost", round, sealpost.smtpPort(), sealpostSink, sealpostCpu, MESSAGES));
            }
        }
        printTable(measurements);
    }

    private static void requirePostfixTools() {
        for (Path tool : List.of(POSTFIX, SMTP_SOURCE, SMTP_SINK)) {
            if (!Files.isExecutable(tool)) {
                fail(tool + " not found: install Postfix first (DEBIAN_FRONTEND=noninteractive apt-get install -y postfix)");
            }
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            fail("the benchmark starts a private Postfix instance, which needs root");
        }
    }

    /** Sends {@code count} messages with smtp-source and waits until the sink has all of them. */
    private Measurement load(String side, int round, int port, CountingSink sink, ProcessCpu cpu, int count) throws Exception {
        long before = sink.messages();
        double cpuBefore = cpu.seconds();
        long start = System.nanoTime();
        Process source = new ProcessBuilder(SMTP_SOURCE.toString(),
                "-s", String.valueOf(SESSIONS), "-m", String.valueOf(count), "-l", String.valueOf(SIZE),
                "-f", "bench@sender.example", "-t", "bench@recipient.example", "127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(side + "-source-" + round + ".out").toFile())
                .start();
        if (!source.waitFor(DELIVERY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            source.destroy();
            fail("smtp-source against " + side + " did not finish in " + DELIVERY_TIMEOUT_SECONDS + " s");
        }
        long accepted = System.nanoTime();
        assertEquals(0, source.exitValue(), () -> "smtp-source against " + side + " failed: "
                + readQuietly(work.resolve(side + "-source-" + round + ".out")));
        sink.awaitMessages(before + count, start + TimeUnit.SECONDS.toNanos(DELIVERY_TIMEOUT_SECONDS));
        long delivered = System.nanoTime();
        return new Measurement(side, round, (accepted - start) / 1e9, (delivered - start) / 1e9, cpu.seconds() - cpuBefore);
    }

    private static void printTable(List<Measurement> measurements) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%nSMTP relay throughput: %d messages of %d bytes, %d concurrent sessions, %d CPU(s)%n",
                MESSAGES, SIZE, SESSIONS, Runtime.getRuntime().availableProcessors()));
        table.append(String.format(Locale.ROOT, "%-6s %-9s %13s %16s %11s%n",
                "round", "side", "ingress msg/s", "end-to-end msg/s", "CPU ms/msg"));
        for (Measurement m : measurements) {
            table.append(String.format(Locale.ROOT, "%-6d %-9s %13.0f %16.0f %11.2f%n",
                    m.round(), m.side(), m.ingressRate(), m.endToEndRate(), m.cpuMillisPerMessage()));
        }
        for (int round = 1; round <= ROUNDS; round++) {
            Measurement postfix = find(measurements, "postfix", round);
            Measurement sealpost = find(measurements, "sealpost", round);
            table.append(String.format(Locale.ROOT, "round %d  Sealpost/Postfix: ingress %.2f, end to end %.2f, CPU per message %.2f%n",
                    round, sealpost.ingressRate() / postfix.ingressRate(), sealpost.endToEndRate() / postfix.endToEndRate(),
                    sealpost.cpuMillisPerMessage() / postfix.cpuMillisPerMessage()));
        }
        System.out.println(table);
    }

    private static Measurement find(List<Measurement> measurements, String side, int round) {
        return measurements.stream().filter(m -> m.side().equals(side) && m.round() == round).findFirst().orElseThrow();
    }

    static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(" + file + " unreadable: " + e.getMessage() + ")";
        }
    }

    static void awaitListening(int port, Process owner, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (owner != null && !owner.isAlive() && owner.exitValue() != 0) {
                    break;
                }
                Thread.sleep(50);
            }
        }
        fail("nothing listens on 127.0.0.1:" + port + "; log: " + readQuietly(log));
    }

    /**
     * CPU time from /proc: of one process, or of a process and its children (reaped ones included),
     * as for Postfix's master and the daemons it forks. smtp-source and the sinks are left out of
     * both sides.
     */
    private record ProcessCpu(long pid, boolean withChildren) {
        private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux platform

        static ProcessCpu withChildren(long pid) {
            return new ProcessCpu(pid, true);
        }

        static ProcessCpu withoutChildren(long pid) {
            return new ProcessCpu(pid, false);
        }

        double seconds() throws IOException {
            long ticks = ownTicks(pid, withChildren);
            if (withChildren) {
                try (var processes = Files.list(Path.of("/proc"))) {
                    for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                        long[] fields = statFields(process);
                        if (fields.length > 0 && fields[1] == pid) {
                            ticks += fields[11] + fields[12];
                        }
                    }
                }
            }
            return ticks / TICKS_PER_SECOND;
        }

        private static long ownTicks(long pid, boolean withReapedChildren) throws IOException {
            long[] fields = statFields(Path.of("/proc", String.valueOf(pid)));
            return fields[11] + fields[12] + (withReapedChildren ? fields[13] + fields[14] : 0);
        }

        /**
         * /proc/PID/stat fields 3 (state) to 17 (cstime), numbers only, so index 1 is the parent and
         * 11 to 14 the CPU ticks; empty if the process is gone.
         */
        private static long[] statFields(Path process) {
            try {
                String stat = Files.readString(process.resolve("stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
                long[] numbers = new long[15];
                for (int i = 1; i < numbers.length; i++) {
                    numbers[i] = Long.parseLong(fields[i]);
                }
                return numbers;
            } catch (IOException | RuntimeException gone) {
                return new long[0];
            }
        }
    }

    /** Postfix's smtp-sink, counting the messages it has received (from its -c running counters). */
    private static final class CountingSink implements AutoCloseable {

        private final Process process;
        private final Path output;
        private final int port;

        private CountingSink(Process process, Path output, int port) {
            this.process = process;
            this.output = output;
            this.port = port;
        }

        static CountingSink start(Path output) throws Exception {
            int port = RunningSealpost.freePort();
            // smtp-sink refuses to keep root privileges; it drops to nobody after binding
            Process process = new ProcessBuilder(SMTP_SINK.toString(), "-u", "nobody", "-c",
                    "127.0.0.1:" + port, "256")
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            awaitListening(port, process, output);
            return new CountingSink(process, output, port);
        }

        int port() {
            return port;
        }

        /** The last "mesg=N" smtp-sink wrote; it updates its counters each time a message's "." arrives. */
        long messages() throws IOException {
            String counters = Files.readString(output);
            int at = counters.lastIndexOf("mesg=");
            if (at < 0) {
                return 0;
            }
            int end = at + "mesg=".length();
            while (end < counters.length() && Character.isDigit(counters.charAt(end))) {
                end++;
            }
            return Long.parseLong(counters.substring(at + "mesg=".length(), end));
        }

        void awaitMessages(long total, long deadlineNanos) throws Exception {
            while (messages() < total) {
                if (System.nanoTime() > deadlineNanos) {
                    fail("the sink on port " + port + " has " + messages() + " of " + total + " messages after "
                            + DELIVERY_TIMEOUT_SECONDS + " s");
                }
                Thread.sleep(5);
            }
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * A Postfix instance of its own: config and queue under a temporary directory, smtpd on a free
     * loopback port, everything relayed to the sink, no local delivery, limits out of the way.
     * Queue files are fsynced as in any Postfix installation.
     */
    private static final class PrivatePostfix implements AutoCloseable {

        private final Path config;
        private final Path queue;
        private final int port;

        private PrivatePostfix(Path config, Path queue, int port) {
            this.config = config;
            this.queue = queue;
            this.port = port;
        }

        static PrivatePostfix start(Path home, int sinkPort) throws Exception {
            Path config = Files.createDirectories(home.resolve("config"));
            Path queue = Files.createDirectories(home.resolve("queue"));
            Path data = Files.createDirectories(home.resolve("data"));
            Path log = home.resolve("maillog");
            // Postfix's daemons run as user postfix: they must reach the queue and own the data directory
            run("chmod", "755", home.getParent().toString(), home.toString());
            run("chown", "postfix", data.toString());
            int port = RunningSealpost.freePort();
            Files.writeString(config.resolve("main.cf"), String.join("\n",
                    "compatibility_level = 3.6",
                    "queue_directory = " + queue,
                    "data_directory = " + data,
                    "maillog_file = " + log,
                    "maillog_file_prefixes = " + home,
                    "myhostname = postfix.bench.example",
                    "inet_interfaces = loopback-only",
                    "inet_protocols = ipv4",
                    "mynetworks = 127.0.0.0/8",
                    "smtpd_relay_restrictions = permit_mynetworks, reject",
                    "mydestination =",
                    "local_transport = error:local delivery is disabled",
                    "default_transport = smtp",
                    "relayhost = [127.0.0.1]:" + sinkPort,
                    "smtp_tls_security_level = none",
                    // generous limits: nothing throttles the load but the work itself
                    "in_flow_delay = 0s",
                    "default_process_limit = 200",
                    "default_destination_concurrency_limit = 50",
                    "default_destination_recipient_limit = 50",
                    "smtpd_client_connection_count_limit = 0",
                    "smtpd_client_connection_rate_limit = 0",
                    "smtpd_client_message_rate_limit = 0",
                    ""));
            String master = Files.readString(Path.of("/etc/postfix/master.cf"))
                    .replaceFirst("(?m)^smtp\\s+inet", "127.0.0.1:" + port + " inet");
            Files.writeString(config.resolve("master.cf"), master);
            // no chroot: a chrooted daemon would need copies of system files inside the queue directory
            run("postconf", "-c", config.toString(), "-F", "*/*/chroot = n");
            run(POSTFIX.toString(), "-c", config.toString(), "start");
            awaitListening(port, null, log);
            return new PrivatePostfix(config, queue, port);
        }

        int port() {
            return port;
        }

        long masterPid() throws IOException {
            return Long.parseLong(Files.readString(queue.resolve("pid/master.pid")).trim());
        }

        @Override
        public void close() throws Exception {
            run(POSTFIX.toString(), "-c", config.toString(), "stop");
        }

        /** Runs a command to its end; its output goes to a file, since Postfix's master keeps inherited pipes open. */
        private static void run(String... command) throws Exception {
            Path output = Files.createTempFile("postfix-command", ".out");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    fail(String.join(" ", command) + " failed: " + readQuietly(output));
                }
            } finally {
                Files.deleteIfExists(output);
            }
        }
    }
}
