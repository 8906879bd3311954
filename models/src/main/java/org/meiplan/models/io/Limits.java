package org.meiplan.models.io;

/**
 * Bounds on what a reader accepts, so that a hostile or broken file cannot exhaust memory.
 * The defaults admit 1,000 sites × 100,000 users (the largest instance the generator writes)
 * with room to spare; {@link #scaleProblem} is the one size rule the reader and the scenario
 * generator share, so that every generated file is one the reader accepts.
 *
 * @param maxDocumentBytes largest file read, bytes
 * @param maxNesting deepest nesting of arrays and objects
 * @param maxStringLength longest string value, characters
 * @param maxSites most sites
 * @param maxUsers most users
 * @param maxRequests most request classes
 * @param maxVariants most variants
 * @param maxJobs most training jobs
 * @param maxGainEntries most user × site channel gains kept in memory (8 bytes each)
 * @param maxTokens most JSON tokens (brackets, names, values) in one document; counted by a
 *     streaming pass before any tree is built, so a huge file is refused in constant memory
 */
public record Limits(
        long maxDocumentBytes,
        int maxNesting,
        int maxStringLength,
        int maxSites,
        int maxUsers,
        int maxRequests,
        int maxVariants,
        int maxJobs,
        long maxGainEntries,
        long maxTokens) {

    /**
     * Defaults: 512 MB documents, nesting 32, strings of 64k characters, 100,000 sites,
     * 1,000,000 users, 125M channel gains (1 GB), 40M tokens. A generated 1,000 × 100,000
     * instance is 94 MB with about 8M tokens; its tree takes about 1 GB of heap.
     */
    public static final Limits DEFAULT = new Limits(512L << 20, 32, 65_536, 100_000, 1_000_000, 2_000_000,
            100_000, 1_000_000, 125_000_000L, 40_000_000L);

    /** Documents at least this large get the streaming token count before their tree is built. */
    static final long PRESCAN_BYTES = 4L << 20;

    public Limits {
        if (maxDocumentBytes < 1 || maxNesting < 1 || maxStringLength < 1 || maxSites < 0 || maxUsers < 0
                || maxRequests < 0 || maxVariants < 0 || maxJobs < 0 || maxGainEntries < 0 || maxTokens < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** Limits without a token count of their own: eight tokens per byte of the largest document, at most the default. */
    public Limits(long maxDocumentBytes, int maxNesting, int maxStringLength, int maxSites, int maxUsers,
            int maxRequests, int maxVariants, int maxJobs, long maxGainEntries) {
        this(maxDocumentBytes, maxNesting, maxStringLength, maxSites, maxUsers, maxRequests, maxVariants, maxJobs,
                maxGainEntries, Math.max(1, Math.min(40_000_000L, maxDocumentBytes)));
    }

    /**
     * Why an instance of this many sites and users cannot be read, or null when it can: the
     * rule shared by the reader and the scenario generator.
     */
    public String scaleProblem(long sites, long users) {
        if (sites > maxSites) {
            return sites + " sites is more than the limit of " + maxSites;
        }
        if (users > maxUsers) {
            return users + " users is more than the limit of " + maxUsers;
        }
        if (sites * users > maxGainEntries) {
            return users + " users x " + sites + " sites needs " + sites * users
                    + " channel gains, more than the limit of " + maxGainEntries;
        }
        return null;
    }
}
