package org.meiplan.models.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The "did you mean" of the readers: the known id closest to a misspelt one, compared without
 * case, by edit distance at most {@code max(2, length / 4)}, ties to the earliest id.
 *
 * <p>A small set is scanned with a banded edit distance, O(n · k · length). A large one gets,
 * on its first miss, a deletion index (the symmetric-delete scheme of SymSpell, W. Garbe 2012,
 * with one deletion per side): every id and each of its one-character deletions is hashed into
 * a sorted array, so a query looks up its own one-deletion variants in O(length · log n) and
 * checks the few candidates found. Two strings whose one-deletion variants meet are within
 * edit distance 2, so the index finds every id within distance 2 except those that need two
 * insertions or two deletions; farther suggestions on large sets are not searched for. Building
 * is O(n · length · log n) time and 8 · n · (length + 1) bytes, once per set.
 *
 * <p>Ids longer than {@link #MAX_LENGTH} characters get only a case-insensitive exact match.
 * Not thread-safe (the index is built lazily); one instance per reading.
 */
public final class Suggestions {

    /** Longest id that is searched for by edit distance. */
    static final int MAX_LENGTH = 64;
    /** Sets up to this size are scanned; larger ones are indexed. */
    static final int SCAN_SIZE = 256;

    private final String[] ids;
    private final String[] lower;
    private final Map<String, Integer> exact = new HashMap<>();
    private long[] index;

    Suggestions(Collection<String> known) {
        ids = known.toArray(new String[0]);
        lower = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            lower[i] = ids[i].toLowerCase(Locale.ROOT);
            exact.putIfAbsent(lower[i], i);
        }
    }

    int size() {
        return ids.length;
    }

    /** The closest of {@code known} to {@code name} by the rule above, or null when none is close enough. */
    public static String nearest(String name, Collection<String> known) {
        return new Suggestions(known).nearest(name);
    }

    /** The closest known id, or null when none is close enough. */
    String nearest(String name) {
        String query = name.toLowerCase(Locale.ROOT);
        Integer same = exact.get(query);
        if (same != null) {
            return ids[same];
        }
        if (query.length() > MAX_LENGTH || ids.length == 0) {
            return null;
        }
        int tolerance = Math.max(2, query.length() / 4);
        int best = -1;
        int bestDistance = tolerance + 1;
        if (ids.length <= SCAN_SIZE) {
            for (int i = 0; i < ids.length; i++) {
                int distance = bounded(query, lower[i], bestDistance - 1);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = i;
                }
            }
            return best < 0 ? null : ids[best];
        }
        if (index == null) {
            index = buildIndex();
        }
        for (int hash : variants(query)) {
            int at = lowerBound(index, hash);
            for (int k = at; k < index.length && (int) (index[k] >> 32) == hash; k++) {
                int candidate = (int) index[k];
                int distance = bounded(query, lower[candidate], Math.min(2, tolerance));
                if (distance < bestDistance || (distance == bestDistance && candidate < best)) {
                    bestDistance = distance;
                    best = candidate;
                }
            }
        }
        return best < 0 ? null : ids[best];
    }

    private long[] buildIndex() {
        int total = 0;
        for (String id : lower) {
            total += id.length() <= MAX_LENGTH ? id.length() + 1 : 0;
        }
        long[] keys = new long[total];
        int n = 0;
        for (int i = 0; i < lower.length; i++) {
            if (lower[i].length() <= MAX_LENGTH) {
                for (int hash : variants(lower[i])) {
                    keys[n++] = ((long) hash << 32) | i;
                }
            }
        }
        Arrays.sort(keys);
        return keys;
    }

    private static int lowerBound(long[] keys, int hash) {
        long target = (long) hash << 32;
        int lo = 0;
        int hi = keys.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] < target) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * {@link String#hashCode} of {@code s} and of each string made by deleting one character,
     * without building those strings: deleting position i leaves prefix(i) · 31^(L−1−i) + suffix(i+1).
     */
    static int[] variants(String s) {
        int length = s.length();
        int[] out = new int[length + 1];
        int[] suffix = new int[length + 1]; // Σ_{k ≥ j} c[k] · 31^(L−1−k)
        int power = 1;
        for (int j = length - 1; j >= 0; j--) {
            suffix[j] = suffix[j + 1] + s.charAt(j) * power;
            power *= 31;
        }
        out[0] = suffix.length > 0 ? suffix[0] : 0;
        int prefix = 0; // Σ_{k < i} c[k] · 31^(i−1−k)
        int[] pow = new int[length + 1];
        pow[0] = 1;
        for (int j = 1; j <= length; j++) {
            pow[j] = pow[j - 1] * 31;
        }
        for (int i = 0; i < length; i++) {
            out[i + 1] = prefix * pow[length - 1 - i] + suffix[i + 1];
            prefix = prefix * 31 + s.charAt(i);
        }
        return out;
    }

    /** Levenshtein distance of {@code a} and {@code b} when it is at most {@code k}, else k + 1; O(length · k). */
    static int bounded(String a, String b, int k) {
        if (k < 0) {
            return 1;
        }
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > k) {
            return k + 1;
        }
        int big = k + 1;
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j <= k ? j : big;
        }
        for (int i = 1; i <= n; i++) {
            int from = Math.max(1, i - k);
            int to = Math.min(m, i + k);
            current[0] = i <= k ? i : big;
            if (from > 1) {
                current[from - 1] = big;
            }
            int rowMin = current[0];
            for (int j = from; j <= to; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                current[j] = Math.min(value, big);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (to < m) {
                current[to + 1] = big;
            }
            if (rowMin > k) {
                return big;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[m], big);
    }

    /** Suggestions for several sets, built once per set and size during one reading. */
    static final class Cache {
        private final Map<String, Suggestions> byName = new HashMap<>();

        Suggestions of(String name, Collection<String> known) {
            Suggestions cached = byName.get(name);
            if (cached == null || cached.size() != known.size()) {
                cached = new Suggestions(new ArrayList<>(known));
                byName.put(name, cached);
            }
            return cached;
        }
    }
}
