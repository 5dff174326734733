package dev.macsec.keys;

import dev.macsec.error.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeysFileTest {
    private static final String SAK128 = "00112233445566778899AABBCCDDEEFF";
    private static final String SAK256 = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    private static String error(String json) {
        return assertThrows(InputException.class, () -> KeysFile.parse(json, "k.json")).getMessage();
    }

    private static String sakError(String fields) {
        return error("{\"saks\":[{\"sak\":\"" + SAK128 + "\"}, {" + fields + "}]}");
    }

    @Test
    void minimalSakGetsItsSuiteFromItsLength() {
        KeysFile f = KeysFile.parse("{\"saks\":[{\"sak\":\"" + SAK128 + "\"},{\"sak\":\"" + SAK256 + "\"}]}", "k.json");
        SakEntry a = f.saks().get(0);
        assertEquals("GCM-AES-128", a.cipherSuite().standardName());
        assertEquals(0x0080C20001000001L, a.cipherSuiteId());
        assertTrue(a.sci().isEmpty() && a.an().isEmpty() && a.nextPn().isEmpty() && a.ssci().isEmpty());
        assertTrue(a.appliesTo(0x1234L, 3));
        assertEquals("GCM-AES-256", f.saks().get(1).cipherSuite().standardName());
        assertEquals(0x0080C20001000002L, f.saks().get(1).cipherSuiteId());
        assertEquals("001122334455667788" + "99aabbccddeeff", Hex.format(a.sak()));
    }

    @Test
    void fullXpnEntry() {
        KeysFile f = KeysFile.parse("""
                {"saks":[{"sak":"%s","cipherSuite":"gcm-aes-xpn-256","sci":"12153524C0895E81","an":3,
                          "ssci":"7A30C118","salt":"E630E81A48DE86A21C66FA6D","nextPn":18446744073709551615}],
                 "caks":[],"msks":null}""".formatted(SAK256), "k.json");
        SakEntry e = f.saks().get(0);
        assertEquals("GCM-AES-XPN-256", e.cipherSuite().standardName());
        assertEquals(0x0080C20001000004L, e.cipherSuiteId());
        assertTrue(e.xpn());
        assertEquals(0x12153524C0895E81L, e.sci().orElseThrow());
        assertEquals(3, e.an().orElseThrow());
        assertEquals(0x7A30C118L, e.ssci().orElseThrow());
        assertEquals("e630e81a48de86a21c66fa6d", Hex.format(e.salt()));
        assertEquals(-1L, e.nextPn().orElseThrow()); // 2^64-1 as an unsigned long
        assertTrue(e.appliesTo(0x12153524C0895E81L, 3));
        assertFalse(e.appliesTo(0x12153524C0895E81L, 2));
        assertEquals("SAK#1(GCM-AES-XPN-256, 256-bit, SCI 12153524c0895e81, AN 3, SSCI 7a30c118)", e.toString());
    }

    @Test
    void caksAndMsks() {
        KeysFile f = KeysFile.parse("""
                {"caks":[{"ckn":"6162","cak":"0123456789abcdef0123456789abcdef","name":"lab"},
                         {"ckn":"6162","cak":"%s"}],
                 "msks":[{"msk":"%s","sessionId":"0d01","name":"eap"}]}""".formatted(SAK256, SAK256 + SAK256), "k.json");
        assertEquals("CAK#1(CKN 6162, 128-bit, lab)", f.caks().get(0).toString());
        assertEquals("CAK#2(CKN 6162, 256-bit)", f.caks().get(1).toString());
        assertEquals("MSK#1(64 octets, Session-Id 2 octets, eap)", f.msks().get(0).toString());
        assertEquals(256, f.caks().get(1).keyBits());
    }

    @Test
    void emptyObjectIsAnEmptyKeysFile() {
        assertTrue(KeysFile.parse("{}", "k.json").isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON at all          | nonsense                 | k.json: malformed JSON at line 1, column 9: unrecognized token (hex values need double quotes)
            unquoted hex             | {"saks":[{"sak":00aa}]}  | k.json: malformed JSON at line 1, column 18: invalid number (hex values need double quotes)
            missing brace            | {"saks":[                | k.json: malformed JSON at line 1, column 10: Unexpected end-of-input: expected close marker for Array
            trailing garbage         | {} {}                    | k.json: malformed JSON at line 1, column 4: more JSON after the top-level object
            duplicate field          | {"saks":[],"saks":[]}    | k.json: malformed JSON at line 1, column 18: duplicate field "saks"
            empty                    | '   '                    | k.json: empty; expected a JSON object with "saks", "caks" and/or "msks"
            top-level array          | []                       | k.json: the top level must be a JSON object with "saks", "caks" and/or "msks", got an array
            unknown top field        | {"sak":[]}               | k.json: unknown field "sak" (allowed: saks, caks, msks, radius)
            saks not an array        | {"saks":{}}              | k.json: saks: must be an array of objects, got an object
            sak entry not an object  | {"saks":["00"]}          | k.json: saks[0]: must be an object, got a string
            caks entry not an object | {"caks":[1]}             | k.json: caks[0]: must be an object, got a number
            """)
    void documentLevelErrors(String what, String json, String message) {
        assertEquals(message, error(json));
    }

    @Test
    void hostileNestingIsAnErrorNotAStackOverflow() {
        assertEquals("k.json: malformed JSON at line 1, column 1001: nested deeper than the 1000 levels allowed",
                error("[".repeat(200_000)));
    }

    @Test
    void overlongNumberIsRefusedByTheParserWithoutItsInternals() {
        assertEquals("k.json: malformed JSON at line 1, column 52: Number value length (2000) exceeds the maximum allowed (1000)",
                error("{\"saks\":[{\"sak\":\"" + SAK128 + "\",\"an\":" + "9".repeat(2000) + "}]}"));
    }

    @Test
    void numberWithAHugeExponentIsAnInputErrorNotACrash() {
        // found by KeysFileFuzzTest (seed 0x2026, case 42669): Jackson threw NumberFormatException from getDecimalValue
        assertEquals("k.json: malformed JSON at line 1, column 61: number out of range",
                error("{\"saks\":[{\"sak\":\"" + SAK128 + "\",\"nextPn\":184e46744073709551615}]}"));
    }

    @Test
    void malformedJsonOnALaterLineNamesThatLine() {
        assertEquals("k.json: malformed JSON at line 3, column 3: Unexpected character ('}' (code 125)): was expecting double-quote to start field name",
                error("{\"saks\":[\n  {\"sak\":\"00\",\n  }]}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown field            | "sak":"%1$s","key":"x"                         | k.json: saks[1]: unknown field "key" (allowed: sak, cipherSuite, sci, an, ssci, salt, nextPn)
            missing sak              | "an":0                                          | k.json: saks[1].sak: missing (the SAK in hex)
            sak not a string         | "sak":1234                                      | k.json: saks[1].sak: must be a string, got a number
            colons                   | "sak":"00:11:22"                                | k.json: saks[1].sak: not hex: ':' at position 3 (write plain hex digits, no separators)
            spaces                   | "sak":"0011 2233"                               | k.json: saks[1].sak: not hex: a space at position 5 (write plain hex digits, no separators)
            not hex                  | "sak":"00112g"                                  | k.json: saks[1].sak: not hex: 'g' at position 6 (write plain hex digits, no separators)
            full-width digits        | "sak":"００１１２２３３４４５５６６７７８８９９００１１２２３３４４５５６６７７" | k.json: saks[1].sak: not hex: U+FF10 at position 1 (write plain hex digits, no separators)
            Arabic-Indic digit       | "sak":"0011223344556677889900112233445٥"     | k.json: saks[1].sak: not hex: U+0665 at position 32 (write plain hex digits, no separators)
            empty sak                | "sak":""                                        | k.json: saks[1].sak: empty; expected hex digits
            odd digits               | "sak":"001"                                     | k.json: saks[1].sak: odd number of hex digits (3)
            128 too long             | "sak":"%1$s%1$s","cipherSuite":"GCM-AES-128"    | k.json: saks[1].sak: GCM-AES-128 needs 32 hex digits, got 64
            no suite, 30 digits      | "sak":"001122334455667788990011223344"          | k.json: saks[1].sak: a SAK is 32 or 64 hex digits (128/256-bit), got 30
            unknown suite            | "sak":"%1$s","cipherSuite":"GCM-AES-512"        | k.json: saks[1].cipherSuite: unknown cipher suite "GCM-AES-512" (known: GCM-AES-128, GCM-AES-256, GCM-AES-XPN-128, GCM-AES-XPN-256)
            suite not a string       | "sak":"%1$s","cipherSuite":1                    | k.json: saks[1].cipherSuite: must be a string, got a number
            short sci                | "sak":"%1$s","sci":"525400000002"               | k.json: saks[1].sci: an SCI is 16 hex digits, got 12
            an too big               | "sak":"%1$s","an":4                             | k.json: saks[1].an: must be 0, 1, 2 or 3, got 4
            an as string             | "sak":"%1$s","an":"0"                           | k.json: saks[1].an: must be 0, 1, 2 or 3, got a string
            an fractional            | "sak":"%1$s","an":1.5                           | k.json: saks[1].an: must be 0, 1, 2 or 3, got 1.5
            nextPn zero              | "sak":"%1$s","nextPn":0                         | k.json: saks[1].nextPn: must be a whole number from 1 to 4294967295 for GCM-AES-128, got 0
            nextPn past 32 bits      | "sak":"%1$s","nextPn":4294967296                | k.json: saks[1].nextPn: must be a whole number from 1 to 4294967295 for GCM-AES-128, got 4294967296
            xpn nextPn past 64 bits  | "sak":"%1$s","cipherSuite":"GCM-AES-XPN-128","ssci":"00000001","salt":"000000000000000000000000","nextPn":18446744073709551616 | k.json: saks[1].nextPn: must be a whole number from 1 to 18446744073709551615 for GCM-AES-XPN-128, got 18446744073709551616
            xpn without ssci         | "sak":"%1$s","cipherSuite":"GCM-AES-XPN-128","salt":"000000000000000000000000" | k.json: saks[1]: GCM-AES-XPN-128 needs "ssci" (8 hex digits)
            xpn without salt         | "sak":"%1$s","cipherSuite":"GCM-AES-XPN-128","ssci":"00000001" | k.json: saks[1]: GCM-AES-XPN-128 needs "salt" (24 hex digits)
            xpn short ssci           | "sak":"%1$s","cipherSuite":"GCM-AES-XPN-128","ssci":"0001","salt":"000000000000000000000000" | k.json: saks[1].ssci: an SSCI is 8 hex digits, got 4
            xpn short salt           | "sak":"%1$s","cipherSuite":"GCM-AES-XPN-128","ssci":"00000001","salt":"00000000000000000000" | k.json: saks[1].salt: a salt is 24 hex digits, got 20
            xpn-256 with 128-bit key | "sak":"%1$s","cipherSuite":"GCM-AES-XPN-256","ssci":"00000001","salt":"000000000000000000000000" | k.json: saks[1].sak: GCM-AES-XPN-256 needs 64 hex digits, got 32
            ssci without xpn         | "sak":"%1$s","ssci":"00000001"                  | k.json: saks[1].ssci: only the XPN cipher suites use an SSCI (this SAK is GCM-AES-128)
            salt without xpn         | "sak":"%1$s","salt":"000000000000000000000000"  | k.json: saks[1].salt: only the XPN cipher suites use a salt (this SAK is GCM-AES-128)
            """)
    void sakErrors(String what, String fields, String message) {
        assertEquals(message, sakError(fields.formatted(SAK128)));
    }

    @Test
    void the62DigitCaseFromTheBrief() {
        String sak62 = SAK256.substring(2);
        assertEquals("k.json: saks[2].sak: GCM-AES-256 needs 64 hex digits, got 62",
                error("{\"saks\":[{\"sak\":\"" + SAK128 + "\"},{\"sak\":\"" + SAK128 + "\"},{\"sak\":\"" + sak62
                        + "\",\"cipherSuite\":\"GCM-AES-256\"}]}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            cak of 40 digits    | {"caks":[{"ckn":"01","cak":"0123456789abcdef0123456789abcdef01234567"}]} | k.json: caks[0].cak: a CAK is 32 or 64 hex digits (128/256-bit), got 40
            missing cak         | {"caks":[{"ckn":"01"}]}                                      | k.json: caks[0].cak: missing (the CAK in hex)
            missing ckn         | {"caks":[{"cak":"0123456789abcdef0123456789abcdef"}]}        | k.json: caks[0].ckn: missing (the CKN in hex)
            ckn too long        | {"caks":[{"ckn":"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20","cak":"0123456789abcdef0123456789abcdef"}]} | k.json: caks[0].ckn: a CKN is 2 to 64 hex digits (1 to 32 octets), got 66
            ckn odd             | {"caks":[{"ckn":"abc","cak":"0123456789abcdef0123456789abcdef"}]} | k.json: caks[0].ckn: odd number of hex digits (3)
            name not a string   | {"caks":[{"ckn":"01","cak":"0123456789abcdef0123456789abcdef","name":5}]} | k.json: caks[0].name: must be a string, got a number
            unknown cak field   | {"caks":[{"ckn":"01","cak":"0123456789abcdef0123456789abcdef","kek":"00"}]} | k.json: caks[0]: unknown field "kek" (allowed: ckn, cak, name)
            msk too short       | {"msks":[{"msk":"0011","sessionId":"00"}]}                  | k.json: msks[0].msk: an MSK is 32 to 128 hex digits (16 to 64 octets), got 4
            missing sessionId   | {"msks":[{"msk":"0123456789abcdef0123456789abcdef"}]}        | k.json: msks[0].sessionId: missing (the EAP Session-Id in hex)
            unknown msk field   | {"msks":[{"msk":"0123456789abcdef0123456789abcdef","sessionId":"00","mac":"00"}]} | k.json: msks[0]: unknown field "mac" (allowed: msk, sessionId, name)
            """)
    void cakAndMskErrors(String what, String json, String message) {
        assertEquals(message, error(json));
    }

    @Test
    void noErrorMessageRepeatsAKey() {
        String cak40 = "0123456789abcdef0123456789abcdef01234567";
        String m = error("{\"caks\":[{\"ckn\":\"01\",\"cak\":\"" + cak40 + "\"}]}");
        assertFalse(m.contains("0123456789"), m);
        String m2 = error("{\"saks\":[{\"sak\":" + "11" + SAK128 + "}]}");
        assertFalse(m2.toLowerCase().contains(SAK128.toLowerCase()), m2);
    }

    // A key pasted in the wrong place must not come back in the error, and nothing the file says may break the
    // one-line error or reach the terminal as a control sequence (JSON escapes allow both in names and values).
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            key as a field name           | {"saks":[{"sak":"%1$s","%1$s":1}]}            | k.json: saks[0]: unknown field (32 characters, not shown: it could be a key) (allowed: sak, cipherSuite, sci, an, ssci, salt, nextPn)
            key with colons as field name | {"caks":[{"a1:a2:a3:a4:a5:a6:a7:a8:a9:aa":1}]} | k.json: caks[0]: unknown field (29 characters, not shown: it could be a key) (allowed: ckn, cak, name)
            key as a top-level field      | {"%1$s":[]}                                   | k.json: unknown field (32 characters, not shown: it could be a key) (allowed: saks, caks, msks, radius)
            key as the cipher suite       | {"saks":[{"sak":"%1$s","cipherSuite":"%1$s"}]} | k.json: saks[0].cipherSuite: unknown cipher suite (32 characters, not shown: it could be a key) (known: GCM-AES-128, GCM-AES-256, GCM-AES-XPN-128, GCM-AES-XPN-256)
            key as a duplicate field      | {"%1$s":1,"%1$s":2}                           | k.json: malformed JSON at line 1, column 73: duplicate field (32 characters, not shown: it could be a key)
            digits as an unquoted AN      | {"saks":[{"sak":"%1$s","an":11223344556677889900112233445566}]} | k.json: saks[0].an: must be 0, 1, 2 or 3, got a number of 32 characters
            newline and ESC in a name     | {"saks":[{"sak":"%1$s","x\\ny\\u001b[2J":1}]}  | k.json: saks[0]: unknown field "x\\u000ay\\u001b[2J" (allowed: sak, cipherSuite, sci, an, ssci, salt, nextPn)
            quote and backslash in a name | {"caks":[{"a\\"b\\\\c":1}]}                  | k.json: caks[0]: unknown field "a\\"b\\\\c" (allowed: ckn, cak, name)
            right-to-left override        | {"caks":[{"\u202eman":1}]}                    | k.json: caks[0]: unknown field "\\u202eman" (allowed: ckn, cak, name)
            control character in a suite  | {"saks":[{"sak":"%1$s","cipherSuite":"GCM\\r\\u0007"}]} | k.json: saks[0].cipherSuite: unknown cipher suite "GCM\\u000d\\u0007" (known: GCM-AES-128, GCM-AES-256, GCM-AES-XPN-128, GCM-AES-XPN-256)
            long name that is not a key   | {"caks":[{"%2$s":1}]}                          | k.json: caks[0]: unknown field (65 characters, too long to show) (allowed: ckn, cak, name)
            key as a CAK's name           | {"caks":[{"ckn":"01","cak":"%1$s","name":"%1$s"}]} | k.json: caks[0].name: (32 characters, not shown: it could be a key) is printed in the output, so it must not look like a key
            ESC in an MSK's name          | {"msks":[{"msk":"%1$s","sessionId":"00","name":"a\\u001b[2J"}]} | k.json: msks[0].name: must be printable text, found U+001B at position 2
            bidi override in a name       | {"caks":[{"ckn":"01","cak":"%1$s","name":"lab\u202e"}]} | k.json: caks[0].name: must be printable text, found U+202E at position 4
            unexpected character          | {"caks":[\u202e]}                             | k.json: malformed JSON at line 1, column 10: Unexpected character ('\\u202e' (code 8238 / 0x202e)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')
            """)
    void errorsNeverRepeatAKeyNorPrintControlCharacters(String what, String json, String message) {
        assertEquals(message, error(json.formatted(SAK128, "n".repeat(65))));
    }

    @Test
    void radiusSecretsAreReadAsTextAndNamed() {
        KeysFile f = KeysFile.parse("{\"radius\":[{\"secret\":\"testing123\",\"name\":\"nas\"},{\"secret\":\"s\u00e9\"}]}",
                "k.json");
        assertEquals(2, f.radius().size());
        // RFC 2865 3: the secret is an octet string; its text's UTF-8 octets
        assertArrayEquals("testing123".getBytes(java.nio.charset.StandardCharsets.US_ASCII), f.radius().get(0).secret());
        assertArrayEquals(new byte[] {'s', (byte) 0xC3, (byte) 0xA9}, f.radius().get(1).secret());
        assertEquals("RADIUS#1 nas", f.radius().get(0).label());
        assertFalse(f.radius().get(0).toString().contains("testing123"), f.radius().get(0).toString());
        assertFalse(f.isEmpty());
        assertEquals(3, f.plus(KeysFile.EMPTY.withRadius(List.of(RadiusSecret.of(3, "x", null)))).radius().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty secret             | {"radius":[{"secret":""}]}                    | k.json: radius[0].secret: a RADIUS shared secret must not be empty (RFC 2865 3)
            no secret                | {"radius":[{"name":"nas"}]}                   | k.json: radius[0].secret: missing (the RADIUS shared secret)
            unknown field            | {"radius":[{"secret":"abc","nas":"x"}]}       | k.json: radius[0]: unknown field "nas" (allowed: secret, name)
            not an array             | {"radius":{"secret":"abc"}}                   | k.json: radius: must be an array of objects, got an object
            """)
    void radiusErrors(String what, String json, String message) {
        assertEquals(message, error(json));
    }

    @Test
    void aRadiusSecretIsNeverRepeatedInAnError() {
        String secret = "my-very-secret-shared-text";
        String m = error("{\"radius\":[{\"secret\":\"" + secret + "\",\"name\":\"\u001b\"}]}");
        assertFalse(m.contains(secret), m);
        m = error("{\"radius\":[{\"secret\":\"" + "x".repeat(1025) + "\"}]}");
        assertFalse(m.contains("xxxx"), m);
    }

    // ---------------------------------------------------------------- files

    @Test
    void missingFile(@TempDir Path dir) {
        Path p = dir.resolve("nope.json");
        assertEquals(p + ": keys file not found",
                assertThrows(InputException.class, () -> KeysFile.load(p)).getMessage());
    }

    @Test
    void directoryInsteadOfFile(@TempDir Path dir) {
        assertEquals(dir + ": is a directory, not a keys file",
                assertThrows(InputException.class, () -> KeysFile.load(dir)).getMessage());
    }

    @Test
    void binaryFile(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("k.json");
        Files.write(p, new byte[]{(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1, 2, 0, 4, 0});
        assertEquals(p + ": not a text file (invalid UTF-8); a keys file is JSON",
                assertThrows(InputException.class, () -> KeysFile.load(p)).getMessage());
    }

    @Test
    void hugeFileIsRefusedWithoutReadingIt(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("k.json");
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(KeysFile.MAX_FILE_BYTES + 1);
        }
        assertEquals(p + ": 16777217 bytes is too large for a keys file (limit 16777216)",
                assertThrows(InputException.class, () -> KeysFile.load(p)).getMessage());
    }

    @Test
    void endlessDeviceIsCutAtTheLimitNotReadWhole() {
        // /dev/zero has no size (Files.size says 0) and never ends: only a bounded read stops it
        Path zero = Path.of("/dev/zero");
        assertEquals("/dev/zero: more than 16777216 bytes: too large for a keys file (limit 16777216)",
                assertTimeoutPreemptively(Duration.ofSeconds(20),
                        () -> assertThrows(InputException.class, () -> KeysFile.load(zero)).getMessage()));
    }

    @Test
    void pipeIsReadWhenItHasAWriter(@TempDir Path dir) throws Exception {
        Path fifo = mkfifo(dir);
        Thread writer = Thread.ofPlatform().start(() -> {
            try {
                Files.writeString(fifo, "{\"saks\":[{\"sak\":\"" + SAK128 + "\"}]}");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        KeysFile f = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> KeysFile.load(fifo));
        writer.join();
        assertEquals(1, f.saks().size());
    }

    @Test
    void fifoWithoutAWriterIsRefusedAfterTheDeadlineInsteadOfHanging(@TempDir Path dir) throws Exception {
        Path fifo = mkfifo(dir);
        String m = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(InputException.class, () -> KeysFile.load(fifo, Duration.ofMillis(300))).getMessage());
        assertEquals(fifo + ": not a regular file, and reading it did not finish within 0.3 s (a FIFO with no writer?)", m);
        // the reader left blocked in open(2) is released by a writer coming and going
        Files.write(fifo, new byte[0]);
    }

    private static Path mkfifo(Path dir) throws Exception {
        Path fifo = dir.resolve("keys.fifo");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, p.waitFor());
        return fifo;
    }

    @Test
    void errorsInAFileNameTheFile(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("keys.json");
        Files.writeString(p, "{\"caks\":[{\"ckn\":\"01\",\"cak\":\"00\"}]}");
        assertEquals(p + ": caks[0].cak: a CAK is 32 or 64 hex digits (128/256-bit), got 2",
                assertThrows(InputException.class, () -> KeysFile.load(p)).getMessage());
    }

    // ---------------------------------------------------------------- command line

    @Test
    void commandLineForms() {
        KeysFile f = KeysFile.fromOptions(List.of(SAK128, SAK256),
                List.of("6162636465666768696a6b6c6d6e6f707172737475767778797a303132333435:0123456789ABCDEF0123456789abcdef"));
        assertEquals("SAK#1(GCM-AES-128, 128-bit)", f.saks().get(0).toString());
        assertEquals("SAK#2(GCM-AES-256, 256-bit)", f.saks().get(1).toString());
        CakEntry c = f.caks().get(0);
        assertEquals("daf4c372bc50b80a86a39eb12b360517", Hex.format(c.ick()));
        assertArrayEquals(Hex.of("0123456789abcdef0123456789abcdef"), c.cak());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sak of 40 digits | --sak | 0123456789abcdef0123456789abcdef01234567 | --sak: a SAK is 32 or 64 hex digits (128/256-bit), got 40
            sak with colons  | --sak | 00:11                                    | --sak: not hex: ':' at position 3 (write plain hex digits, no separators)
            cak without :    | --cak | 0123456789abcdef0123456789abcdef         | --cak: expected CKN:CAK (two hex values separated by ':'), found no ':'
            cak with two :   | --cak | 01:0123456789abcdef:0123456789abcdef     | --cak: expected CKN:CAK (two hex values separated by ':'), found more than one ':'
            cak too short    | --cak | 01:0123456789abcdef                      | --cak CAK: a CAK is 32 or 64 hex digits (128/256-bit), got 16
            empty ckn        | --cak | :0123456789abcdef0123456789abcdef        | --cak CKN: empty; expected hex digits
            """)
    void commandLineErrors(String what, String option, String value, String message) {
        List<String> saks = option.equals("--sak") ? List.of(value) : List.of();
        List<String> caks = option.equals("--cak") ? List.of(value) : List.of();
        assertEquals(message, assertThrows(InputException.class, () -> KeysFile.fromOptions(saks, caks)).getMessage());
    }

    @Test
    void fileAndOptionsCombine() {
        KeysFile file = KeysFile.parse("{\"saks\":[{\"sak\":\"" + SAK128 + "\"}]}", "k.json");
        KeysFile all = file.plus(KeysFile.fromOptions(List.of(SAK256), List.of()));
        assertEquals(2, all.saks().size());
        assertEquals("GCM-AES-256", all.saks().get(1).cipherSuite().standardName());
    }
}
