package org.meiplan.models.io;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The ranges of the channel model's parameters that its path-loss laws are defined on, checked
 * at the reader so that a value outside is a violation naming its field.
 *
 * <p>Source: 3GPP TR 38.901 V17.0.0, Table 7.4.1-1 (carrier 0.5–100 GHz, heights in metres; the
 * laws need the base station above a user terminal at least 1 m high). Receiver noise figures
 * of 0–50 dB cover every radio (5–9 dB is typical for a UE, TS 38.101-1).
 */
final class ChannelRanges {
    static final double MIN_CARRIER = 0.5e9;
    static final double MAX_CARRIER = 100e9;
    static final double MIN_USER_HEIGHT = 1.0;
    static final double MAX_HEIGHT = 1_000.0;
    static final double MAX_SHADOWING_DB = 30.0;
    static final double MAX_NOISE_FIGURE_DB = 50.0;

    private ChannelRanges() {
    }

    /** Reports the parameters outside the laws' ranges; true when all are inside. */
    static boolean check(JsonCheck check, JsonNode node, String at, double carrier, double siteHeight, double userHeight,
            double shadowingDb) {
        boolean ok = true;
        if (carrier < MIN_CARRIER || carrier > MAX_CARRIER) {
            check.add(JsonCheck.child(at, "carrierFrequency"), shown(node, "carrierFrequency", carrier),
                    "is outside 0.5-100 GHz, the range of the TR 38.901 path-loss laws", "Give e.g. \"3.5 GHz\".");
            ok = false;
        }
        if (userHeight < MIN_USER_HEIGHT || userHeight > MAX_HEIGHT) {
            check.add(JsonCheck.child(at, "userHeight"), shown(node, "userHeight", userHeight),
                    "must be from 1 m to 1000 m for the TR 38.901 path-loss laws", "Give e.g. 1.5 (metres).");
            ok = false;
        } else if (siteHeight <= userHeight && node.has("userHeight") && !node.has("siteHeight")) {
            check.add(JsonCheck.child(at, "userHeight"), shown(node, "userHeight", userHeight),
                    "is not below the site height (" + siteHeight + " m, the default)",
                    "Give a user height from 1 m to below the site height, or set siteHeight too.");
            ok = false;
        } else if (siteHeight <= userHeight || siteHeight > MAX_HEIGHT) {
            check.add(JsonCheck.child(at, "siteHeight"), shown(node, "siteHeight", siteHeight),
                    "must be above the user height (" + userHeight + " m) and at most 1000 m",
                    "Base stations are 10 m (micro) to 25 m (macro) high.");
            ok = false;
        }
        if (shadowingDb > MAX_SHADOWING_DB) {
            check.add(JsonCheck.child(at, "shadowingDb"), shown(node, "shadowingDb", shadowingDb),
                    "is more than 30 dB", "TR 38.901 gives 4-8.2 dB for the urban scenarios.");
            ok = false;
        }
        return ok;
    }

    /** The noise figure, or 0 after reporting one outside [0, 50] dB. */
    static double noiseFigure(JsonCheck check, JsonNode topology, String path, double noiseFigureDb) {
        if (noiseFigureDb < 0 || noiseFigureDb > MAX_NOISE_FIGURE_DB) {
            check.add(JsonCheck.child(path, "noiseFigureDb"), shown(topology, "noiseFigureDb", noiseFigureDb),
                    "must be from 0 to 50 dB", "A handset's receiver has about 7 dB (TS 38.101-1).");
            return 0.0;
        }
        return noiseFigureDb;
    }

    private static String shown(JsonNode node, String field, double value) {
        return node.has(field) ? JsonCheck.show(node.get(field)) : String.valueOf(value);
    }
}
