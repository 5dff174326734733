package dev.macsec.cli;

import dev.macsec.analysis.AnalysisOptions;
import dev.macsec.analysis.FieldCatalog;
import dev.macsec.error.InputException;
import dev.macsec.filter.DisplayFilter;
import dev.macsec.keys.KeysFile;
import dev.macsec.secy.ReceiveProfile;
import dev.macsec.secy.ValidateFrames;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Options shared by {@code analyze} and {@code capture}: keys, receive rules, views. Each option is declared once, as a
 * picocli {@link OptionSpec} field that both builds the command's spec and holds the parsed value.
 *
 * <p>Declared through picocli's programmatic API rather than its annotations: reading annotations makes picocli
 * generate annotation proxies and reflect over every field: building the same specs directly takes ~90 ms less of
 * interpreted start-up on each run, close to a third of a small capture's whole run.
 */
public final class AnalysisArgs {
    private final OptionSpec keysFile = option("--keys").paramLabel("KEYS.json").type(Path.class)
            .description("keys file: saks, caks (CKN/CAK pairs), msks and radius (shared secrets)").build();
    private final OptionSpec saks = repeatable("--sak").paramLabel("HEX")
            .description("a SAK (32 or 64 hex digits), tried on any SC and AN; repeatable").build();
    private final OptionSpec caks = repeatable("--cak").paramLabel("CKN:CAK")
            .description("a pre-shared CAK with its CKN, to learn SAKs from MKPDUs; repeatable").build();
    private final OptionSpec radiusSecrets = repeatable("--radius-secret").paramLabel("SECRET")
            .description("a RADIUS shared secret: checks the RADIUS authenticators and takes the EAP MSK from the "
                    + "Access-Accept, to learn the CAK and then the SAKs; repeatable").build();
    private final OptionSpec tlsKeyLog = option("--tls-keylog").paramLabel("FILE").type(Path.class)
            .description("a TLS key log (NSS SSLKEYLOGFILE format) of the EAP-TLS sessions in the capture: derives their "
                    + "MSK (RFC 5216, RFC 9190) when the RADIUS side or its secret is missing").build();
    private final OptionSpec validate = option("--validate").paramLabel("MODE").type(String.class).defaultValue("strict")
            .description("validateFrames: strict, check or disabled (default ${DEFAULT-VALUE})").build();
    private final OptionSpec replayWindow = option("--replay-window").paramLabel("N").type(long.class).defaultValue("0")
            .description("replayWindow (default ${DEFAULT-VALUE})").build();
    private final OptionSpec noReplay = flag("--no-replay").description("turn replayProtect off (valid frames below next PN - window then count Delayed)").build();
    private final OptionSpec offset = option("--offset").paramLabel("N").type(int.class).defaultValue("0")
            .description("confidentiality offset: 0, 30 or 50 (default ${DEFAULT-VALUE}; SAKs learned from MKA take the one "
                    + "their Distributed SAK announces unless this is given)").build();
    private final OptionSpec profile = option("--profile").paramLabel("NAME").type(String.class).defaultValue("ieee")
            .description("receive rules: ieee (802.1AE-2018 as written), linux-6.1 or linux-6.12 (what a Linux box of that "
                    + "kernel counts; linux is linux-6.1); default ${DEFAULT-VALUE}")
            .build();
    private final OptionSpec detail = flag("-V").description("detail tree of every frame").build();
    private final OptionSpec filter = option("-Y").paramLabel("FILTER").type(String.class)
            .description("display filter, e.g. 'macsec.pn > 100 and macsec.verdict != \"OK\"'").build();
    private final OptionSpec format = option("-T").paramLabel("FORMAT").type(String.class).defaultValue("text")
            .description("text, json (NDJSON) or summary (default ${DEFAULT-VALUE})").build();
    private final OptionSpec writeFile = option("-w").paramLabel("OUT.pcap").type(Path.class)
            .description("write the decrypted frames (SecTAG and ICV removed) to a pcap").build();
    private final OptionSpec keepFailed = flag("--keep-failed")
            .description("with -w: keep frames that fail verification as captured instead of leaving them out").build();
    private final OptionSpec threads = option("--threads").paramLabel("N").type(Integer.class)
            .description("threads for the analysis, the reading thread included (default: one core less than the machine has, "
                    + "at most 4, for summaries; 1 otherwise)").build();
    private final OptionSpec showKeys = flag("--show-keys")
            .description("show the values of SAKs learned from MKPDUs (key material: only when you mean it)").build();
    private final OptionSpec quiet = flag("-q", "--quiet").description("no progress line on stderr").build();

    /** Adds every option, in the order the help lists them, to {@code spec}, whose parse then fills them. */
    AnalysisArgs(CommandSpec spec) {
        for (OptionSpec o : List.of(keysFile, saks, caks, radiusSecrets, tlsKeyLog, validate, replayWindow, noReplay, offset, profile, detail, filter,
                format, writeFile, keepFailed, threads, showKeys, quiet)) {
            spec.addOption(o);
        }
    }

    private static OptionSpec.Builder option(String... names) {
        return OptionSpec.builder(names);
    }

    private static OptionSpec.Builder flag(String... names) {
        return OptionSpec.builder(names).type(boolean.class);
    }

    private static OptionSpec.Builder repeatable(String name) {
        return OptionSpec.builder(name).type(List.class).auxiliaryTypes(String.class);
    }

    private static boolean isSet(OptionSpec flag) {
        return Boolean.TRUE.equals(flag.getValue());
    }

    /** On the command line, as opposed to left at its default. */
    private static boolean given(OptionSpec option) {
        return !option.originalStringValues().isEmpty();
    }

    private static List<String> strings(OptionSpec repeated) {
        List<String> values = repeated.getValue();
        return values == null ? List.of() : values;
    }

    boolean quiet() {
        return isSet(quiet);
    }

    boolean detail() {
        return isSet(detail);
    }

    Path writeFile() {
        return writeFile.getValue();
    }

    boolean keepFailed() {
        return isSet(keepFailed);
    }

    KeysFile keys() {
        Path file = keysFile.getValue();
        KeysFile fromFile = file == null ? KeysFile.EMPTY : KeysFile.load(file);
        List<dev.macsec.keys.RadiusSecret> secrets = new java.util.ArrayList<>();
        for (String secret : strings(radiusSecrets)) {
            secrets.add(KeysFile.parseRadiusSecretOption(secret, fromFile.radius().size() + secrets.size() + 1));
        }
        KeysFile keys = fromFile.plus(KeysFile.fromOptions(strings(saks), strings(caks))).withRadius(secrets);
        Path log = tlsKeyLog.getValue();
        return log == null ? keys : keys.withTlsKeyLog(dev.macsec.keys.TlsKeyLog.load(log));
    }

    DisplayFilter displayFilter() {
        String expression = filter.getValue();
        return expression == null ? null : DisplayFilter.parse(expression, FieldCatalog::lookup);
    }

    String format() {
        String format = this.format.getValue();
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("json") && !f.equals("summary")) {
            throw new InputException("-T: unknown format \"" + format + "\" (text, json or summary)");
        }
        return f;
    }

    AnalysisOptions options(boolean dissect) {
        String validate = this.validate.getValue();
        long replayWindow = this.replayWindow.getValue();
        int offset = this.offset.getValue();
        String profile = this.profile.getValue();
        Integer threads = this.threads.getValue();
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
        if (isSet(keepFailed) && writeFile() == null) {
            throw new InputException("--keep-failed: only with -w, whose file it keeps the failed frames in");
        }
        ReceiveProfile p = ReceiveProfile.byName(profile);
        if (p == null) {
            throw new InputException("--profile: unknown profile \"" + profile + "\" (known: "
                    + String.join(", ", ReceiveProfile.names()) + ")");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        // one core is left to the JIT compiler and the GC: on 2 cores, one thread finishes 1M frames 10-16% sooner than two
        int n = threads != null ? threads : dissect ? 1 : Math.max(1, Math.min(cores - 1, 4));
        if (n < 1 || n > 64) {
            throw new InputException("--threads: 1 to 64, got " + n);
        }
        return new AnalysisOptions(mode, !isSet(noReplay), replayWindow, p, offset, given(this.offset), dissect, n, isSet(showKeys));
    }
}
