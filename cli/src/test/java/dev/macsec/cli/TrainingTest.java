package dev.macsec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.macsec.testing.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TrainingTest {
    @Test
    void trainingRunsTheReadmeCommandAndALargeCaptureCleanlyAndLeavesNoFiles() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = trainingDirs(tmp);

        assertEquals(0, Training.run(ProjectFiles.root()));

        assertEquals(before, trainingDirs(tmp), "the synthetic capture and its keys are deleted");
    }

    @Test
    void aMissingProjectRootFailsTheTrainingInsteadOfMakingACacheOfNothing() throws IOException {
        assertEquals(1, Training.run(Path.of("/nonexistent-macsec-root")));
    }

    private static List<Path> trainingDirs(Path tmp) throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("macsec-training")).sorted().toList();
        }
    }
}
