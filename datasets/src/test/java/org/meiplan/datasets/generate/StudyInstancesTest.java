package org.meiplan.datasets.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meiplan.models.instance.Instance;
import org.meiplan.models.instance.RequestClass;
import org.meiplan.models.instance.Site;

/** The user's own instances in a study grid: read up front relative to the spec, scaled like generated ones. */
class StudyInstancesTest {

    static Path write(Path dir, String name, String scenario, long seed) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, new ObjectMapper().writeValueAsString(
                ScenarioGenerator.generate(scenario, Size.TINY, seed).instance()));
        return file;
    }

    @Test
    void scalingsApplyToTheUsersInstance(@TempDir Path dir) throws IOException {
        write(dir, "nets/a.json", "virtual-assistant", 3);
        StudyInstances instances = StudyInstances.load(Map.of("instance", List.of("nets/a.json")), dir);
        Instance plain = instances.instance(Map.of("instance", "nets/a.json"), 1);
        Instance scaled = instances.instance(Map.of("instance", "nets/a.json", "storageScale", "0.5", "loadScale", "4",
                "bandwidthScale", "2", "gpuScale", "3"), 1);
        for (int s = 0; s < plain.sites().size(); s++) {
            Site before = plain.sites().get(s);
            Site after = scaled.sites().get(s);
            assertThat(after.storage()).isCloseTo(before.storage() * 0.5, org.assertj.core.api.Assertions.within(1.0));
            assertThat(after.downlinkBandwidth()).isCloseTo(before.downlinkBandwidth() * 2,
                    org.assertj.core.api.Assertions.within(1e-3));
            assertThat(after.gpus()).isEqualTo(before.gpus() == 0 ? 0 : Math.max(1, Math.round(before.gpus() * 3f)));
        }
        double rate = plain.requests().stream().mapToDouble(RequestClass::rate).sum();
        assertThat(scaled.requests().stream().mapToDouble(RequestClass::rate).sum())
                .isCloseTo(4 * rate, org.assertj.core.api.Assertions.within(1e-9 * rate));
    }

    @Test
    void aMissingFileIsNamedWithWhereItWasLookedFor(@TempDir Path dir) throws IOException {
        write(dir, "nets/a.json", "virtual-assistant", 3);
        assertThatThrownBy(() -> StudyInstances.load(Map.of("instance", List.of("nets/a.json", "nets/b.json")), dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("/grid/instance/1", "nets/b.json", "no such file",
                        dir.resolve("nets/b.json").toAbsolutePath().toString(), "relative to the spec file's folder");
    }

    @Test
    void anInvalidFileIsRefusedWithItsViolations(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.json"), "{\"meiplan\": \"1\", \"name\": \"bad\"}");
        assertThatThrownBy(() -> StudyInstances.load(Map.of("instance", List.of("bad.json")), dir))
                .hasMessageContainingAll("/grid/instance", "bad.json");
    }

    @Test
    void aGridPointIsAnInstanceOrAScenario(@TempDir Path dir) throws IOException {
        write(dir, "a.json", "virtual-assistant", 3);
        StudyInstances instances = StudyInstances.load(Map.of("instance", List.of("a.json")), dir);
        assertThatThrownBy(() -> instances.checkPoint(Map.of("instance", "a.json", "size", "tiny")))
                .hasMessageContainingAll("\"size\"", "instance");
        assertThatThrownBy(() -> instances.checkPoint(Map.of("storageScale", "1")))
                .hasMessageContainingAll("\"scenario\"", "\"instance\"");
        assertThatThrownBy(() -> instances.check("instance", "other.json")).hasMessageContaining("other.json");
    }
}
