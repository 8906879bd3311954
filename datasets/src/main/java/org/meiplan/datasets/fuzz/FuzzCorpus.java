package org.meiplan.datasets.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.meiplan.datasets.catalog.BuiltinCatalog;
import org.meiplan.datasets.generate.ScenarioGenerator;
import org.meiplan.datasets.generate.Scenarios;
import org.meiplan.datasets.generate.Size;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.instance.RequestClass;
import org.meiplan.models.instance.Site;
import org.meiplan.models.instance.TrainingJob;
import org.meiplan.models.instance.User;
import org.meiplan.models.io.InstanceReader;
import org.meiplan.models.io.PlanJson;
import org.meiplan.models.plan.Mode;
import org.meiplan.models.plan.Plan;
import org.meiplan.models.plan.RadioGrant;
import org.meiplan.models.plan.Serving;
import org.meiplan.models.plan.SiteCache;
import org.meiplan.models.plan.Stage;
import org.meiplan.models.plan.TrainingRun;

/**
 * The valid documents the fuzzers start from: the golden instances and a tiny instance of
 * every generated scenario, each with a plan that uses every serving mode, radio grants and
 * a training run (so that plan mutations reach every part of the plan reader).
 */
public final class FuzzCorpus {

    /** One valid instance, its tree, and a plan tree for it. */
    public record Entry(String name, JsonNode instanceJson, Instance instance, JsonNode planJson) {
    }

    private static final List<String> GOLDEN = List.of("caching-1", "caching-2", "radio-1", "radio-2", "split-1",
            "split-2", "partition-1", "partition-2", "training-1", "training-2");

    private FuzzCorpus() {
    }

    /** The corpus, in a fixed order. */
    public static List<Entry> entries() {
        InstanceReader reader = new InstanceReader(BuiltinCatalog.instance());
        ObjectMapper mapper = new ObjectMapper();
        List<Entry> entries = new ArrayList<>();
        for (String name : GOLDEN) {
            try (InputStream in = FuzzCorpus.class.getResourceAsStream("/org/meiplan/datasets/golden/" + name + ".json")) {
                JsonNode tree = mapper.readTree(in);
                entries.add(entry(name, tree, reader.read(tree, name)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String scenario : Scenarios.names()) {
            JsonNode tree = ScenarioGenerator.generate(scenario, Size.TINY, 7).instance();
            entries.add(entry(scenario + "-tiny", tree, reader.read(tree, scenario)));
        }
        return entries;
    }

    private static Entry entry(String name, JsonNode tree, Instance instance) {
        return new Entry(name, tree, instance, PlanJson.toJson(everyModePlan(instance)));
    }

    /** A plan that caches every variant at every site and serves the request classes in turn on each mode. */
    static Plan everyModePlan(Instance instance) {
        List<String> variants = instance.variants().stream().map(v -> v.id()).toList();
        List<SiteCache> caching = instance.sites().stream().map(s -> new SiteCache(s.id(), variants)).toList();
        List<Serving> serving = new ArrayList<>();
        Mode[] modes = {Mode.EDGE, Mode.CLOUD, Mode.DEVICE, Mode.SPLIT, Mode.PIPELINE, Mode.REJECT};
        for (RequestClass request : instance.requests()) {
            var variant = instance.variants().get(request.variant());
            int layers = instance.catalog().architectureOf(variant).layers();
            User user = instance.users().get(request.user());
            Site site = instance.sites().get(user.site());
            Site other = instance.sites().get((user.site() + 1) % instance.sites().size());
            Mode mode = modes[request.index() % modes.length];
            int half = Math.max(1, layers / 2);
            List<Stage> stages = switch (mode) {
                case EDGE -> List.of(new Stage(site.id(), 0, layers));
                case CLOUD -> List.of(new Stage(Stage.CLOUD, 0, layers));
                case DEVICE -> List.of(new Stage(user.id(), 0, layers));
                case SPLIT -> List.of(new Stage(user.id(), 0, half), new Stage(site.id(), half, layers));
                case PIPELINE -> List.of(new Stage(site.id(), 0, half), new Stage(other.id(), half, layers));
                default -> List.of();
            };
            serving.add(new Serving(request.id(), mode, variant.id(), stages));
        }
        List<RadioGrant> radio = new ArrayList<>();
        for (User user : instance.users()) {
            Site site = instance.sites().get(user.site());
            radio.add(new RadioGrant(user.id(), site.uplinkBandwidth() / instance.users().size(), user.txPower(),
                    site.downlinkBandwidth() / instance.users().size(), site.txPower() / instance.users().size()));
        }
        List<TrainingRun> training = new ArrayList<>();
        for (TrainingJob job : instance.training().jobs()) {
            int s = job.site() >= 0 ? job.site() : 0;
            training.add(new TrainingRun(job.id(), instance.sites().get(s).id(), job.release(), job.deadline(), 0));
        }
        return new Plan(instance.name(), caching, serving, radio, training, List.of());
    }
}
