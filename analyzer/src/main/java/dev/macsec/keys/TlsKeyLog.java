package dev.macsec.keys;

import dev.macsec.error.InputException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A TLS key log in the NSS format that {@code SSLKEYLOGFILE} produces (RFC 9850): one {@code LABEL client_random
 * secret} line per secret, the two values in hex, {@code #} comments and blank lines ignored. It is what lets an
 * EAP-TLS session captured on the EAPOL side alone give its MSK ({@link EapTlsKeys}).
 * <p>
 * Secrets are found by the label and the ClientHello random, which is on the wire. A line with a label this class
 * does not use (the early-data and ECH secrets, the legacy {@code RSA} line, or one a later TLS library invents) is
 * skipped if it has the shape of a key log line: a key log is written by libraries for every TLS connection a
 * process makes, and refusing a whole file for a secret nobody here needs would be unhelpful. A line that is not a
 * key log line at all, or a used label with a value of the wrong size, is an error naming the file and line; no
 * message repeats a value from the file, and {@link #toString} shows only counts.
 */
public final class TlsKeyLog {
    /** The labels an EAP-TLS key derivation can use; the others are skipped. */
    public enum Label {
        /** TLS 1.0 to 1.2: the 48-octet master secret. */
        CLIENT_RANDOM,
        CLIENT_HANDSHAKE_TRAFFIC_SECRET,
        SERVER_HANDSHAKE_TRAFFIC_SECRET,
        CLIENT_TRAFFIC_SECRET_0,
        SERVER_TRAFFIC_SECRET_0,
        /** TLS 1.3: the exporter master secret, from which RFC 9190 exports the MSK. */
        EXPORTER_SECRET
    }

    /** TLS 1.3 secrets are one hash long: SHA-256 or SHA-384 (RFC 8446 B.4; SM3 is 32 octets too). */
    private static final Set<Integer> TLS13_SECRET_LENGTHS = Set.of(32, 48);
    private static final int MASTER_SECRET_LENGTH = 48;
    private static final int RANDOM_LENGTH = 32;

    private final Map<Label, Map<String, byte[]>> secrets;
    private final int lines;

    private TlsKeyLog(Map<Label, Map<String, byte[]>> secrets, int lines) {
        this.secrets = secrets;
        this.lines = lines;
    }

    public static final TlsKeyLog EMPTY = new TlsKeyLog(new EnumMap<>(Label.class), 0);

    /** Reads a key log file; errors say {@code FILE:LINE: what}. */
    public static TlsKeyLog load(Path path) {
        return load(path, KeysFile.NON_REGULAR_FILE_DEADLINE);
    }

    static TlsKeyLog load(Path path, Duration deadline) {
        String where = path.toString();
        byte[] raw = KeysFile.read(path, where, "TLS key log", deadline);
        // a key log is ASCII; ISO-8859-1 maps every byte to one char, so a stray byte is reported on its own line
        return parse(new String(raw, StandardCharsets.ISO_8859_1), where);
    }

    /** Parses key log text; {@code source} (a file name) begins every error message. */
    public static TlsKeyLog parse(String text, String source) {
        Map<Label, Map<String, byte[]>> secrets = new EnumMap<>(Label.class);
        Map<String, Integer> firstLine = new HashMap<>();
        int used = 0;
        int number = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            number++;
            String line = text.substring(start, end);
            start = end + 1;
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            String where = source + ":" + number;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("[ \t]+");
            if (fields.length != 3 || !isLabel(fields[0])) {
                throw new InputException(where + ": not a key log line; expected LABEL CLIENT_RANDOM SECRET"
                        + " (hex), as SSLKEYLOGFILE writes it" + (fields.length == 3 ? "" : ", got " + fields.length
                        + (fields.length == 1 ? " field" : " fields")));
            }
            Label label = label(fields[0]);
            if (label == null) {
                continue;
            }
            byte[] random = Hex.parse(where + ": " + label + " client random", fields[1]);
            if (random.length != RANDOM_LENGTH) {
                throw new InputException(where + ": " + label + ": the client random is " + random.length
                        + " octets; a TLS random is " + RANDOM_LENGTH);
            }
            byte[] secret = Hex.parse(where + ": " + label + " secret", fields[2]);
            checkSecretLength(where, label, secret.length);
            String key = Hex.format(random);
            byte[] earlier = secrets.computeIfAbsent(label, l -> new HashMap<>()).putIfAbsent(key, secret);
            if (earlier == null) {
                firstLine.put(label + key, number);
                used++;
            } else if (!Arrays.equals(earlier, secret)) {
                throw new InputException(where + ": " + label + " for this client random differs from the one on line "
                        + firstLine.get(label + key) + " (two key logs of different sessions mixed up?)");
            }
        }
        return new TlsKeyLog(secrets, used);
    }

    private static void checkSecretLength(String where, Label label, int length) {
        if (label == Label.CLIENT_RANDOM ? length != MASTER_SECRET_LENGTH : !TLS13_SECRET_LENGTHS.contains(length)) {
            throw new InputException(where + ": " + label + ": the secret is " + length + " octets; expected "
                    + (label == Label.CLIENT_RANDOM ? "the 48-octet master secret" : "32 or 48 (one hash long)"));
        }
    }

    /** The labels of RFC 9850 and of every library since are upper-case words joined by '_'. */
    private static boolean isLabel(String field) {
        if (field.isEmpty() || field.length() > 64) {
            return false;
        }
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static Label label(String field) {
        for (Label l : Label.values()) {
            if (l.name().equals(field)) {
                return l;
            }
        }
        return null;
    }

    /** The secret logged under {@code label} for the connection whose ClientHello carried {@code clientRandom}. */
    public Optional<byte[]> secret(Label label, byte[] clientRandom) {
        Map<String, byte[]> byRandom = secrets.get(label);
        byte[] s = byRandom == null ? null : byRandom.get(Hex.format(clientRandom));
        return Optional.ofNullable(s).map(byte[]::clone);
    }

    /** Whether any secret at all is logged for that connection (to tell "no such session" from "a label missing"). */
    public boolean knows(byte[] clientRandom) {
        String key = Hex.format(clientRandom);
        return secrets.values().stream().anyMatch(m -> m.containsKey(key));
    }

    /** Secrets held, duplicates counted once. */
    public int size() {
        return lines;
    }

    public boolean isEmpty() {
        return lines == 0;
    }

    @Override
    public String toString() {
        return "TLS key log (" + lines + (lines == 1 ? " secret" : " secrets") + ")";
    }
}
