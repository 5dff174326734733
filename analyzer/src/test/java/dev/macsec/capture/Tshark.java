package dev.macsec.capture;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Wireshark's tshark on a file as the reference reader (tshark is a declared test dependency). */
final class Tshark {
    /** One frame as tshark sees it; timestamp null when tshark shows none. */
    record Frame(long number, int capturedLength, int originalLength, Long timestampNanos, int interfaceId) {
    }

    private Tshark() {
    }

    static List<Frame> frames(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("tshark", "-n", "-r", file.toString(), "-T", "fields", "-E", "separator=,",
                "-e", "frame.number", "-e", "frame.cap_len", "-e", "frame.len", "-e", "frame.time_epoch",
                "-e", "frame.interface_id")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("tshark did not finish on " + file);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("tshark failed (exit " + p.exitValue() + ") on " + file);
        }
        List<Frame> frames = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            Long ts = f[3].isEmpty() ? null
                    : new BigDecimal(f[3]).movePointRight(9).longValueExact();
            frames.add(new Frame(Long.parseLong(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]), ts,
                    f[4].isEmpty() ? 0 : Integer.parseInt(f[4])));
        }
        return frames;
    }
}
