package dev.macsec.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.macsec.testing.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The README's deviation table is the profile's own documentation: regenerate with ./macsec profiles --markdown. */
class ReadmeDeviationsTest {
    @Test
    void readmeTableMatchesTheProfile() throws IOException {
        String readme = Files.readString(ProjectFiles.root().resolve("README.md"));
        String begin = "<!-- deviations:begin -->\n";
        int a = readme.indexOf(begin) + begin.length();
        int b = readme.indexOf("<!-- deviations:end -->");
        assertEquals(ProfileDoc.markdown(), readme.substring(a, b),
                "README out of date: replace the table with the output of ./macsec profiles --markdown");
    }
}
