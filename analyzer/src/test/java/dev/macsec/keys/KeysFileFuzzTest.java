package dev.macsec.keys;

import dev.macsec.error.InputException;
import dev.macsec.testing.Fuzz;
import dev.macsec.testing.Mutator;
import dev.macsec.testing.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutated keys files (the bundled ones, the lab's foreign format, and entries of every kind), bytes and JSON values
 * alike, through {@link KeysFile#parse} and {@link KeysFile#load}, and mutated {@code --sak}/{@code --cak} values:
 * an {@link InputException} or a keys file, nothing else; and every error is one printable line that repeats no key
 * of the input (issue 15 item 19). Harness: {@link Fuzz}.
 */
class KeysFileFuzzTest {
    private static final Pattern STRING_VALUE = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern KEY_LIKE = Pattern.compile("[0-9a-fA-F]{16,}");
    private static final String[] REPLACEMENTS = {"", "0", "00", "0011223344556677", "001122334455667788990011",
        "00112233445566778899aabbccddeeff", "00112233445566778899aabbccddeeff0", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
        "00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff", "\\u001b[2J", "a\\nb", "\\u202e", "\\ud800", "０１２３",
        "GCM-AES-XPN-256", "gcm-aes-128", "saks", "caks", "msks", "sak", "sci", "an", "nextPn", "name", "\\\""};
    private static final String[] NUMBERS = {"0", "1", "3", "4", "-1", "1.5", "1e400", "4294967296", "18446744073709551616",
        "99999999999999999999999999999999", "null", "true", "[]", "{}", "\"0\""};

    @TempDir
    Path dir;

    static List<byte[]> corpus() throws IOException {
        List<byte[]> corpus = new ArrayList<>();
        for (String f : List.of("macsec_lab/keys-macsec.json", "macsec_lab/keys.json", "linux-dut/keys.json", "linux-dut/mka-cak.json")) {
            corpus.add(Files.readAllBytes(ProjectFiles.pcap(f)));
        }
        corpus.add("""
                {"saks":[{"sak":"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f","cipherSuite":"GCM-AES-XPN-256",
                  "sci":"12153524C0895E81","an":3,"ssci":"7A30C118","salt":"E630E81A48DE86A21C66FA6D","nextPn":18446744073709551615}],
                 "caks":[{"ckn":"6162","cak":"0123456789abcdef0123456789abcdef","name":"lab"}],
                 "msks":[{"msk":"0123456789abcdef0123456789abcdef","sessionId":"0d01","name":"eap"}]}""".getBytes(StandardCharsets.UTF_8));
        return corpus;
    }

    /** A JSON-aware mutation: one string value or number replaced by a value chosen to hit a rule. */
    private static String mutateValue(String json, SplittableRandom r) {
        Matcher m = STRING_VALUE.matcher(json);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(1), m.end(1)});
        }
        if (spans.isEmpty()) {
            return json;
        }
        int[] span = spans.get(r.nextInt(spans.size()));
        if (r.nextInt(4) == 0) {
            // the whole "value" becomes a number or another JSON kind
            return json.substring(0, span[0] - 1) + NUMBERS[r.nextInt(NUMBERS.length)] + json.substring(span[1] + 1);
        }
        return json.substring(0, span[0]) + REPLACEMENTS[r.nextInt(REPLACEMENTS.length)] + json.substring(span[1]);
    }

    private static void checkMessage(InputException e, String input) {
        String m = e.getMessage();
        for (int i = 0; i < m.length(); i++) {
            char ch = m.charAt(i);
            if (ch < 0x20 || ch == 0x7f || Character.getType(ch) == Character.FORMAT) {
                throw new AssertionError("control or format character U+" + Integer.toHexString(ch) + " in: " + m);
            }
        }
        Matcher keys = KEY_LIKE.matcher(input);
        while (keys.find()) {
            String key = keys.group();
            // a run of decimal digits is as likely a number (the limits an error states, 18446744073709551615) as a key
            boolean hexLetters = key.chars().anyMatch(ch -> ch > '9');
            if (key.length() >= 32 && hexLetters && m.toLowerCase().contains(key.toLowerCase().substring(0, 16))) {
                throw new AssertionError("error repeats key material " + key.substring(0, 16) + "...: " + m);
            }
        }
    }

    @Test
    void mutatedKeysFilesGiveKeysOrOneSafeLineAndNothingElse() throws IOException {
        List<byte[]> corpus = corpus();
        Path file = dir.resolve("keys.json");
        Fuzz.run("keys", 2000, c -> {
            SplittableRandom r = c.random;
            byte[] seed = corpus.get(r.nextInt(corpus.size()));
            byte[] bytes;
            if (r.nextBoolean()) {
                String json = new String(seed, StandardCharsets.UTF_8);
                for (int i = 1 + r.nextInt(3); i > 0; i--) {
                    json = mutateValue(json, r);
                }
                bytes = json.getBytes(StandardCharsets.UTF_8);
                if (r.nextInt(4) == 0) {
                    bytes = Mutator.mutate(bytes, r, corpus);
                }
            } else {
                bytes = Mutator.mutate(seed, r, corpus);
            }
            String text = new String(c.input("keys.json", bytes), StandardCharsets.UTF_8);
            try {
                if (r.nextInt(8) == 0) {
                    Files.write(file, bytes);
                    KeysFile.load(file).keychain();
                } else {
                    KeysFile.parse(text, "fuzz.json").keychain();
                }
            } catch (InputException e) {
                checkMessage(e, text);
            }
            String option = REPLACEMENTS[r.nextInt(REPLACEMENTS.length)] + (r.nextBoolean() ? ":" : "")
                    + REPLACEMENTS[r.nextInt(REPLACEMENTS.length)];
            try {
                KeysFile.fromOptions(r.nextBoolean() ? List.of(option) : List.of(), r.nextBoolean() ? List.of(option) : List.of());
            } catch (InputException e) {
                checkMessage(e, option);
            }
        });
    }
}
