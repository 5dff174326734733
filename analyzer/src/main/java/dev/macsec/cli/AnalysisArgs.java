package dev.macsec.cli;

import dev.macsec.analysis.AnalysisOptions;
import dev.macsec.error.InputException;
import dev.macsec.filter.DisplayFilter;
import dev.macsec.keys.KeysFile;
import dev.macsec.secy.ReceiveProfile;
import dev.macsec.secy.ValidateFrames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Options shared by {@code analyze} and {@code capture}: keys, receive rules, views. */
public final class AnalysisArgs {
    @Option(names = "--keys", paramLabel = "KEYS.json", description = "keys file: saks, caks (CKN/CAK pairs) and msks")
    Path keysFile;

    @Option(names = "--sak", paramLabel = "HEX", description = "a SAK (32 or 64 hex digits), tried on any SC and AN; repeatable")
    List<String> saks = new ArrayList<>();

    @Option(names = "--cak", paramLabel = "CKN:CAK", description = "a pre-shared CAK with its CKN, to learn SAKs from MKPDUs; repeatable")
    List<String> caks = new ArrayList<>();

    @Option(names = "--validate", paramLabel = "MODE", defaultValue = "strict",
            description = "validateFrames: strict, check or disabled (default ${DEFAULT-VALUE})")
    String validate;

    @Option(names = "--replay-window", paramLabel = "N", defaultValue = "0", description = "replayWindow (default ${DEFAULT-VALUE})")
    long replayWindow;

    @Option(names = "--no-replay", description = "turn replayProtect off")
    boolean noReplay;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "confidentiality offset: 0, 30 or 50 (default ${DEFAULT-VALUE})")
    int offset;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "ieee",
            description = "receive rules: ieee (802.1AE-2018 as written) or linux (what a Linux 6.1 box counts); default ${DEFAULT-VALUE}")
    String profile;

    @Option(names = "-V", description = "detail tree of every frame")
    boolean detail;

    @Option(names = "-Y", paramLabel = "FILTER", description = "display filter, e.g. 'macsec.pn > 100 and macsec.verdict != \"OK\"'")
    String filter;

    @Option(names = "-T", paramLabel = "FORMAT", defaultValue = "text", description = "text, json (NDJSON) or summary (default ${DEFAULT-VALUE})")
    String format;

    @Option(names = "-w", paramLabel = "OUT.pcap", description = "write the decrypted frames (SecTAG and ICV removed) to a pcap")
    Path writeFile;

    @Option(names = "--keep-failed", description = "with -w: keep frames that fail verification as captured instead of leaving them out")
    boolean keepFailed;

    @Option(names = "--threads", paramLabel = "N", description = "threads for the analysis, the reading thread included (default: one core less than the machine has, at most 4, for summaries; 1 otherwise)")
    Integer threads;

    @Option(names = "--show-keys", description = "show the values of SAKs learned from MKPDUs (key material: only when you mean it)")
    boolean showKeys;

    @Option(names = {"-q", "--quiet"}, description = "no progress line on stderr")
    boolean quiet;

    KeysFile keys() {
        KeysFile fromFile = keysFile == null ? KeysFile.EMPTY : KeysFile.load(keysFile);
        return fromFile.plus(KeysFile.fromOptions(saks, caks));
    }

    DisplayFilter displayFilter() {
        return filter == null ? null : DisplayFilter.parse(filter);
    }

    String format() {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("json") && !f.equals("summary")) {
            throw new InputException("-T: unknown format \"" + format + "\" (text, json or summary)");
        }
        return f;
    }

    AnalysisOptions options(boolean dissect) {
        ValidateFrames mode = switch (validate.toLowerCase(Locale.ROOT)) {
            case "strict" -> ValidateFrames.STRICT;
            case "check" -> ValidateFrames.CHECK;
            case "disabled" -> ValidateFrames.DISABLED;
            default -> throw new InputException("--validate: \"" + validate + "\" is not strict, check or disabled");
        };
        if (replayWindow < 0 || replayWindow > 0xFFFFFFFFL) {
            throw new InputException("--replay-window: must be 0 to 4294967295, got " + replayWindow);
        }
        if (offset != 0 && offset != 30 && offset != 50) {
            throw new InputException("--offset: the confidentiality offset is 0, 30 or 50, got " + offset);
        }
        ReceiveProfile p = ReceiveProfile.byName(profile);
        if (p == null) {
            throw new InputException("--profile: unknown profile \"" + profile + "\" (ieee or linux)");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        // one core is left to the JIT compiler and the GC: on 2 cores, one thread finishes 1M frames 11-15% sooner than two
        int n = threads != null ? threads : dissect ? 1 : Math.max(1, Math.min(cores - 1, 4));
        if (n < 1 || n > 64) {
            throw new InputException("--threads: 1 to 64, got " + n);
        }
        return new AnalysisOptions(mode, !noReplay, replayWindow, p, offset, dissect, n, showKeys);
    }
}
