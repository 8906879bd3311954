package org.meiplan.spark;

/**
 * Keeps an embedded Spark's log to warnings on stderr, so that a study's output is its own
 * progress and results (Spark's default profile logs every stage at INFO): points log4j2 at
 * {@code org/meiplan/spark/log4j2-quiet.properties} before Spark first logs. A user's own
 * configuration ({@code -Dlog4j2.configurationFile}) is left alone; under {@code spark-submit}
 * the cluster's configuration applies and this is not called.
 */
final class SparkLogging {

    static final String PROPERTY = "log4j2.configurationFile";

    private SparkLogging() {
    }

    static void quiet() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "classpath:org/meiplan/spark/log4j2-quiet.properties");
        }
    }
}
