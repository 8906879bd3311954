package org.meiplan.models.io;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.meiplan.models.instance.Adapter;
import org.meiplan.models.instance.Architecture;
import org.meiplan.models.instance.ChannelModel;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.instance.Link;
import org.meiplan.models.instance.Precision;
import org.meiplan.models.instance.Profile;
import org.meiplan.models.instance.RequestClass;
import org.meiplan.models.instance.Site;
import org.meiplan.models.instance.TrainingJob;
import org.meiplan.models.instance.User;
import org.meiplan.models.instance.Variant;

/**
 * Writes an instance as self-contained JSON in SI numbers: every catalog entry it uses is
 * spelled out, so the file reads back to an equal instance without any catalog source.
 * Channel gains are written only when the instance has no channel model (otherwise they
 * are remade from positions, bit for bit). Output is deterministic: same instance, same bytes.
 */
public final class InstanceWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private InstanceWriter() {
    }

    /** The instance as a JSON tree. */
    public static ObjectNode toJson(Instance instance) {
        ObjectNode root = NODES.objectNode();
        root.put("meiplan", InstanceReader.FORMAT);
        root.put("name", instance.name());

        ObjectNode catalog = root.putObject("catalog");
        ArrayNode precisions = catalog.putArray("precisions");
        for (Precision p : instance.catalog().precisions()) {
            precisions.addObject().put("id", p.id()).put("bytesPerParam", p.bytesPerParam()).put("quality", p.quality())
                    .put("compute", p.compute());
        }
        ArrayNode architectures = catalog.putArray("architectures");
        for (Architecture a : instance.catalog().architectures()) {
            architectures.addObject().put("id", a.id()).put("name", a.name()).put("family", a.family())
                    .put("params", a.params()).put("layers", a.layers()).put("hidden", a.hidden())
                    .put("intermediate", a.intermediate()).put("heads", a.heads()).put("kvHeads", a.kvHeads())
                    .put("headDim", a.headDim()).put("vocab", a.vocab()).put("context", a.context())
                    .put("tiedEmbeddings", a.tiedEmbeddings()).put("quality", a.quality());
        }
        ArrayNode variants = catalog.putArray("variants");
        for (Variant v : instance.variants()) {
            ObjectNode node = variants.addObject().put("id", v.id());
            if (v.isFineTuned()) {
                node.put("base", instance.variants().get(v.base()).id());
                node.set("adapter", adapter(v.adapter()));
            } else {
                node.put("architecture", instance.catalog().architectures().get(v.architecture()).id());
                node.put("precision", instance.catalog().precisions().get(v.precision()).id());
            }
            node.put("quality", v.quality());
        }

        ArrayNode profiles = root.putArray("profiles");
        for (Profile p : instance.profiles()) {
            ObjectNode node = profiles.addObject().put("id", p.id()).put("name", p.name())
                    .put("kind", p.kind().name().toLowerCase(Locale.ROOT));
            ObjectNode flops = node.putObject("flops");
            p.flops().forEach(flops::put);
            node.put("memory", p.memory()).put("memoryBandwidth", p.memoryBandwidth()).put("storage", p.storage())
                    .put("powerIdle", p.powerIdle()).put("powerBusy", p.powerBusy()).put("efficiency", p.efficiency());
        }

        ObjectNode topology = root.putObject("topology");
        topology.putObject("cloud").put("profile", instance.profiles().get(instance.topology().cloud().profile()).id())
                .put("gpus", instance.topology().cloud().gpus())
                .put("costPerRequest", instance.topology().cloud().costPerRequest());
        ChannelModel channel = instance.topology().channel();
        if (channel != null) {
            topology.putObject("channel").put("pathLoss", channel.pathLoss().jsonName())
                    .put("shadowingDb", channel.shadowingDb()).put("seed", channel.seed())
                    .put("carrierFrequency", channel.carrierFrequency()).put("siteHeight", channel.siteHeight())
                    .put("userHeight", channel.userHeight());
        }
        topology.put("noiseDensity", instance.topology().noiseDensity());
        ArrayNode sites = topology.putArray("sites");
        for (Site s : instance.sites()) {
            ObjectNode node = sites.addObject().put("id", s.id());
            node.putArray("position").add(s.x()).add(s.y());
            node.put("uplinkBandwidth", s.uplinkBandwidth()).put("downlinkBandwidth", s.downlinkBandwidth())
                    .put("txPower", s.txPower()).put("storage", s.storage());
            if (s.gpuProfile() >= 0) {
                node.put("gpu", instance.profiles().get(s.gpuProfile()).id()).put("gpus", s.gpus());
            }
            node.put("backhaulRate", s.backhaulRate()).put("backhaulLatency", s.backhaulLatency());
        }
        ArrayNode users = topology.putArray("users");
        for (User u : instance.users()) {
            ObjectNode node = users.addObject().put("id", u.id()).put("device", instance.profiles().get(u.device()).id());
            node.putArray("position").add(u.x()).add(u.y());
            node.put("site", instance.sites().get(u.site()).id()).put("txPower", u.txPower());
            if (Double.isFinite(u.energyBudget())) {
                node.put("energyBudget", u.energyBudget());
            }
            if (channel == null) {
                ObjectNode gains = node.putObject("gains");
                for (Site s : instance.sites()) {
                    double gain = instance.topology().gain(u.index(), s.index());
                    if (gain > 0.0) {
                        gains.put(s.id(), gain);
                    }
                }
            }
        }
        if (!instance.topology().links().isEmpty()) {
            ArrayNode links = topology.putArray("links");
            for (Link l : instance.topology().links()) {
                ObjectNode node = links.addObject();
                node.putArray("between").add(instance.sites().get(l.from()).id()).add(instance.sites().get(l.to()).id());
                node.put("rate", l.rate()).put("latency", l.latency());
            }
        }

        ObjectNode workload = root.putObject("workload");
        workload.put("horizon", instance.workload().horizon()).put("bytesPerToken", instance.workload().bytesPerToken())
                .put("activationBytes", instance.workload().activationBytes())
                .put("utilisationCap", instance.workload().utilisationCap())
                .put("targetUtilisation", instance.workload().targetUtilisation());
        ArrayNode requests = workload.putArray("requests");
        for (RequestClass r : instance.requests()) {
            requests.addObject().put("id", r.id()).put("user", instance.users().get(r.user()).id())
                    .put("variant", instance.variants().get(r.variant()).id()).put("rate", r.rate())
                    .put("promptTokens", r.promptTokens()).put("outputTokens", r.outputTokens())
                    .put("ttft", r.ttftSlo()).put("latency", r.latencySlo()).put("minQuality", r.minQuality())
                    .put("privacy", r.privacy().name().toLowerCase(Locale.ROOT)).put("weight", r.weight())
                    .put("percentile", r.percentile());
        }

        ObjectNode training = root.putObject("training");
        training.put("horizon", instance.training().horizon());
        ArrayNode jobs = training.putArray("jobs");
        for (TrainingJob j : instance.training().jobs()) {
            ObjectNode node = jobs.addObject().put("id", j.id());
            if (j.user() >= 0) {
                node.put("user", instance.users().get(j.user()).id());
            }
            if (j.site() >= 0) {
                node.put("site", instance.sites().get(j.site()).id());
            }
            node.put("base", instance.variants().get(j.base()).id()).put("method", j.isLora() ? "lora" : "full");
            if (j.isLora()) {
                node.set("adapter", adapter(j.adapter()));
            }
            node.put("tokens", j.tokens()).put("epochs", j.epochs()).put("release", j.release())
                    .put("deadline", j.deadline()).put("weight", j.weight())
                    .put("privacy", j.privacy().name().toLowerCase(Locale.ROOT)).put("batchTokens", j.batchTokens());
        }
        return root;
    }

    private static ObjectNode adapter(Adapter adapter) {
        ObjectNode node = NODES.objectNode().put("rank", adapter.rank());
        ArrayNode targets = node.putArray("targets");
        adapter.targets().forEach(targets::add);
        return node.put("bytesPerParam", adapter.bytesPerParam()).put("bytes", adapter.bytes());
    }

    /** The instance as pretty-printed JSON text with a trailing newline. */
    public static String toString(Instance instance) {
        return JsonText.pretty(toJson(instance));
    }

    /** Writes the instance to a file atomically (a temporary file renamed into place). */
    public static void write(Instance instance, Path file) throws IOException {
        JsonText.writeAtomically(toString(instance), file);
    }

    /** Shared JSON text conventions: two-space indent, LF line ends, trailing newline. */
    public static final class JsonText {
        private static final ObjectMapper MAPPER = new ObjectMapper();

        private JsonText() {
        }

        /** Pretty-printed JSON with a trailing newline, the same on every platform. */
        public static String pretty(Object tree) {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            try {
                return MAPPER.writer(printer).writeValueAsString(tree) + "\n";
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("could not serialise JSON", e);
            }
        }

        /**
         * Writes text to a file through a temporary sibling and an atomic rename, so a
         * reader never sees half a file and a failure leaves the old file untouched
         * (links followed, FIFOs written through, umask respected: {@link SafeFiles}).
         */
        public static void writeAtomically(String text, Path file) throws IOException {
            SafeFiles.write(text, file);
        }
    }
}
