package dev.macsec.keys;

import dev.macsec.error.InputException;
import dev.macsec.testing.Mutator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TlsKeyLogTest {
    private static final String RANDOM = "56808945a136d4d53268e214b7eeb2f623cc580d6e07be82d4c2aa5bd0b51fa2";
    private static final String MASTER = "f7bdff0d8466a42114f0d175173d356ef9d039978b110b10dcb00b4d609c96de56657522cc1b0f4dfa4f5be79857ffb4";
    private static final String SECRET32 = "9d80626f539e31cbfc6dd587d775884b4811ef833abbfc857e57c33693d7bf11";

    @TempDir
    Path dir;

    @Test
    void readsTheLinesItUsesAndSkipsCommentsBlankLinesAndOtherLabels() {
        TlsKeyLog log = TlsKeyLog.parse("# SSL/TLS secrets log file\r\n\r\n  \nCLIENT_RANDOM " + RANDOM + " " + MASTER + "\r\n"
                + "EARLY_EXPORTER_SECRET " + RANDOM + " " + SECRET32 + "\n"
                + "RSA 0123456789abcdef " + MASTER + "\n"
                + "EXPORTER_SECRET\t" + RANDOM.toUpperCase() + "\t" + SECRET32, "k.log");
        assertEquals(2, log.size());
        assertEquals(MASTER, Hex.format(log.secret(TlsKeyLog.Label.CLIENT_RANDOM, Hex.of(RANDOM)).orElseThrow()));
        assertEquals(SECRET32, Hex.format(log.secret(TlsKeyLog.Label.EXPORTER_SECRET, Hex.of(RANDOM)).orElseThrow()));
        assertTrue(log.secret(TlsKeyLog.Label.CLIENT_TRAFFIC_SECRET_0, Hex.of(RANDOM)).isEmpty());
        assertTrue(log.knows(Hex.of(RANDOM)));
        assertFalse(log.knows(new byte[32]));
        assertEquals("TLS key log (2 secrets)", log.toString());
    }

    @Test
    void aRepeatedLineIsOneSecret() {
        String line = "CLIENT_RANDOM " + RANDOM + " " + MASTER + "\n";
        assertEquals(1, TlsKeyLog.parse(line + line, "k").size());
    }

    /** Every bad line: one message naming the file and line, and never the secret (nor a long run of its digits). */
    @Test
    void badLinesAreReportedByFileAndLineWithoutTheSecret() {
        String ok = "CLIENT_RANDOM " + RANDOM + " " + MASTER + "\n";
        assertBad(ok + MASTER + "\n", "k.log:2: not a key log line; expected LABEL CLIENT_RANDOM SECRET (hex), as SSLKEYLOGFILE writes it, got 1 field");
        assertBad(ok + "CLIENT_RANDOM " + RANDOM + "\n", "k.log:2: not a key log line; expected LABEL CLIENT_RANDOM SECRET (hex), as SSLKEYLOGFILE writes it, got 2 fields");
        assertBad("client_random " + RANDOM + " " + MASTER, "k.log:1: not a key log line; expected LABEL CLIENT_RANDOM SECRET (hex), as SSLKEYLOGFILE writes it");
        assertBad("CLIENT_RANDOM " + RANDOM + " " + MASTER.substring(2), "k.log:1: CLIENT_RANDOM: the secret is 47 octets; expected the 48-octet master secret");
        assertBad("EXPORTER_SECRET " + RANDOM + " " + MASTER.substring(0, 80), "k.log:1: EXPORTER_SECRET: the secret is 40 octets; expected 32 or 48 (one hash long)");
        assertBad("CLIENT_RANDOM " + RANDOM.substring(2) + " " + MASTER, "k.log:1: CLIENT_RANDOM: the client random is 31 octets; a TLS random is 32");
        assertBad("CLIENT_RANDOM " + RANDOM + " " + MASTER.substring(0, 10) + "zz" + MASTER.substring(12),
                "k.log:1: CLIENT_RANDOM secret: not hex: 'z' at position 11 (write plain hex digits, no separators)");
        assertBad("CLIENT_RANDOM " + RANDOM + " " + MASTER.substring(0, 10) + "\u00e9" + MASTER.substring(11),
                "k.log:1: CLIENT_RANDOM secret: not hex: U+00E9 at position 11 (write plain hex digits, no separators)");
        assertBad(ok + "\n# again\nCLIENT_RANDOM " + RANDOM + " " + MASTER.replace('f', 'e'),
                "k.log:4: CLIENT_RANDOM for this client random differs from the one on line 1 (two key logs of different sessions mixed up?)");
    }

    private static void assertBad(String text, String message) {
        InputException e = assertThrows(InputException.class, () -> TlsKeyLog.parse(text, "k.log"));
        assertEquals(message, e.getMessage());
        assertFalse(SafeText.couldBeKey(e.getMessage()), e.getMessage());
    }

    @Test
    void loadsAFileAndSaysWhatIsWrongWithOne() throws IOException {
        Path file = dir.resolve("sslkeys.log");
        Files.writeString(file, "CLIENT_RANDOM " + RANDOM + " " + MASTER + "\n");
        assertEquals(1, TlsKeyLog.load(file).size());
        Files.writeString(file, "CLIENT_RANDOM " + RANDOM + " " + MASTER + "\nnonsense\n");
        assertEquals(file + ":2: not a key log line; expected LABEL CLIENT_RANDOM SECRET (hex), as SSLKEYLOGFILE writes it, got 1 field",
                assertThrows(InputException.class, () -> TlsKeyLog.load(file)).getMessage());
        Path missing = dir.resolve("missing.log");
        assertEquals(missing + ": TLS key log not found", assertThrows(InputException.class, () -> TlsKeyLog.load(missing)).getMessage());
        assertEquals(dir + ": is a directory, not a TLS key log", assertThrows(InputException.class, () -> TlsKeyLog.load(dir)).getMessage());
    }

    /**
     * Mutated key logs (the recorded sessions' and one of every label): a key log or one printable line that repeats
     * no secret of the input, nothing else. A fixed number of cases, not the shared fuzz time budget ({@code Fuzz}),
     * which is split among the long-running targets.
     */
    @Test
    void mutatedKeyLogsGiveSecretsOrOneSafeLine() {
        List<byte[]> corpus = List.of("tls12-sha384", "tls13-sha384", "tls13-sha256", "tls10").stream()
                .map(n -> EapTlsKeysTest.resource(n + ".keylog").getBytes(StandardCharsets.ISO_8859_1)).toList();
        Pattern keyLike = Pattern.compile("[0-9a-fA-F]{32,}");
        SplittableRandom r = new SplittableRandom(0x15);
        for (int i = 0; i < 10_000; i++) {
            byte[] seed = corpus.get(r.nextInt(corpus.size()));
            String text = new String(Mutator.mutate(seed, r, corpus), StandardCharsets.ISO_8859_1);
            try {
                TlsKeyLog.parse(text, "fuzz.log");
            } catch (InputException e) {
                String m = e.getMessage();
                assertTrue(m.startsWith("fuzz.log:"), m);
                assertTrue(m.chars().allMatch(c -> c >= 0x20 && c < 0x7f), "not one printable line: " + m);
                Matcher secret = keyLike.matcher(text);
                while (secret.find()) {
                    assertFalse(m.toLowerCase().contains(secret.group().toLowerCase().substring(0, 16)), "repeats a secret: " + m);
                }
            }
        }
    }
}
