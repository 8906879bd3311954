package org.meiplan.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.meiplan.solvers.study.StudyEngine;
import org.meiplan.solvers.study.StudyEngineProvider;

/**
 * Opens the Spark engine for {@code meiplan study --engine spark [--master URL]}: an embedded
 * Spark context on {@code local[*]} (the default), {@code local[N]}, or a standalone master
 * {@code spark://host:port}. The master is checked before the context starts: a malformed
 * URL, an unreachable standalone master, or a cluster manager that only {@code spark-submit}
 * reaches (YARN, Kubernetes) is an {@link IllegalArgumentException} naming the URL and a fix.
 *
 * <p>Options: {@code master}; {@code jars} (comma-separated jars the executors of a standalone
 * cluster need; the CLI passes its own class path); {@code name} (the application's name).
 */
public final class SparkEngineProvider implements StudyEngineProvider {

    /** The default master: every core of this machine, in this JVM. */
    public static final String DEFAULT_MASTER = "local[*]";

    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]{0,4})(,[0-9]{1,4})?])?");
    private static final Pattern STANDALONE = Pattern.compile("spark://([^/,:]+:[0-9]{1,5})(,[^/,:]+:[0-9]{1,5})*");

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public StudyEngine open(Map<String, String> options) {
        String master = options.getOrDefault("master", DEFAULT_MASTER).trim();
        checkMaster(master);
        SparkLogging.quiet(); // before anything of Spark's logs (SparkConf does)
        SparkConf conf = new SparkConf().setMaster(master)
                .setAppName(options.getOrDefault("name", "meiplan study"))
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false");
        if (master.startsWith("local")) {
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        }
        if (options.containsKey("jars") && !options.get("jars").isBlank() && !master.startsWith("local")) {
            conf.set("spark.jars", options.get("jars"));
        }
        long begin = System.nanoTime();
        JavaSparkContext context = new JavaSparkContext(conf);
        context.setLogLevel("WARN");
        return new SparkStudyEngine(context, true, (System.nanoTime() - begin) / 1e9);
    }

    /**
     * Checks a master URL: {@code local}, {@code local[N]}, {@code local[*]}, {@code local[N,F]}, or
     * {@code spark://host:port[,host:port]} with at least one master answering on its port.
     */
    static void checkMaster(String master) {
        if (LOCAL.matcher(master).matches()) {
            return;
        }
        Matcher standalone = STANDALONE.matcher(master);
        if (standalone.matches()) {
            List<String> failures = new ArrayList<>();
            for (String hostPort : master.substring("spark://".length()).split(",")) {
                int colon = hostPort.lastIndexOf(':');
                String host = hostPort.substring(0, colon);
                int port = Integer.parseInt(hostPort.substring(colon + 1));
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(host, port), 3000);
                    return;
                } catch (IOException | IllegalArgumentException e) {
                    failures.add(hostPort + " (" + (e.getMessage() == null ? e.getClass().getSimpleName()
                            : e.getMessage()) + ")");
                }
            }
            throw new IllegalArgumentException("--master " + master + ": no Spark master answers at "
                    + String.join(", ", failures) + ". Start the master (sbin/start-master.sh prints its URL), fix"
                    + " the host or port (7077 by default), or leave --master out to run on local[*].");
        }
        String lower = master.toLowerCase(Locale.ROOT);
        if (lower.startsWith("yarn") || lower.startsWith("k8s://") || lower.startsWith("mesos://")) {
            throw new IllegalArgumentException("--master " + master + ": the embedded engine runs on local[N] and on"
                    + " standalone masters (spark://host:port); on YARN or Kubernetes give spark-submit the cluster"
                    + " jar spark/target/meiplan-spark-cluster.jar (see docs/studies.md).");
        }
        throw new IllegalArgumentException("--master " + master + ": not a Spark master URL. Use local[*],"
                + " local[N] (N cores), or spark://host:port (a standalone master).");
    }
}
