package dev.macsec.keys;


import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.macsec.error.InputException;
import dev.macsec.suite.CipherSuite;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The keys file shared by the library, the CLI and the harness:
 * <pre>
 * {"saks":[{"sak":"hex","cipherSuite":"GCM-AES-XPN-256","sci":"16 hex","an":0,"ssci":"8 hex","salt":"24 hex","nextPn":1}],
 *  "caks":[{"ckn":"hex","cak":"hex","name":"optional"}],
 *  "msks":[{"msk":"hex","sessionId":"hex","name":"optional"}],
 *  "radius":[{"secret":"text","name":"optional"}]}
 * </pre>
 * Every error is an {@link InputException} naming the source, the entry and the rule broken; no message
 * repeats a key value.
 */
public record KeysFile(List<SakEntry> saks, List<CakEntry> caks, List<MskEntry> msks, List<RadiusSecret> radius,
                       TlsKeyLog tlsKeyLog) {
    /** A keys file is a few kilobytes; anything past this is not one, and reading it whole would be unwise. */
    public static final long MAX_FILE_BYTES = 16L << 20;
    /** How long a pipe or device may take to deliver a keys file (a FIFO nobody writes to never does). */
    public static final Duration NON_REGULAR_FILE_DEADLINE = Duration.ofSeconds(10);

    public static final KeysFile EMPTY = new KeysFile(List.of(), List.of(), List.of());

    private static final List<String> SAK_FIELDS = List.of("sak", "cipherSuite", "sci", "an", "ssci", "salt", "nextPn");
    private static final List<String> CAK_FIELDS = List.of("ckn", "cak", "name");
    private static final List<String> MSK_FIELDS = List.of("msk", "sessionId", "name");
    private static final List<String> RADIUS_FIELDS = List.of("secret", "name");
    private static final BigInteger MAX_PN_64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    // Jackson's streaming parser, not an ObjectMapper: a cold ObjectMapper costs ~250 ms of start-up (measured with
    // JDK 25), a fifth of the whole time budget for analysing a million frames; the parser and node factory ~20 ms.
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    public KeysFile {
        saks = List.copyOf(saks);
        caks = List.copyOf(caks);
        msks = List.copyOf(msks);
        radius = List.copyOf(radius);
        tlsKeyLog = tlsKeyLog == null ? TlsKeyLog.EMPTY : tlsKeyLog;
    }

    /** Keys without a TLS key log. */
    public KeysFile(List<SakEntry> saks, List<CakEntry> caks, List<MskEntry> msks, List<RadiusSecret> radius) {
        this(saks, caks, msks, radius, TlsKeyLog.EMPTY);
    }

    /**
     * These keys and a TLS key log (NSS format, {@code --tls-keylog}): with it the EAP-TLS MSK of a session whose
     * hellos are in the capture is derived from the session's secrets (RFC 5216 2.3, RFC 9190 2.3).
     */
    public KeysFile withTlsKeyLog(TlsKeyLog log) {
        return new KeysFile(saks, caks, msks, radius, log);
    }

    /** Keys without RADIUS secrets. */
    public KeysFile(List<SakEntry> saks, List<CakEntry> caks, List<MskEntry> msks) {
        this(saks, caks, msks, List.of());
    }

    /** These keys and the RADIUS shared secrets {@code secrets} after this file's. */
    public KeysFile withRadius(List<RadiusSecret> secrets) {
        List<RadiusSecret> r = new ArrayList<>(radius);
        r.addAll(secrets);
        return new KeysFile(saks, caks, msks, r, tlsKeyLog);
    }

    public Keychain keychain() {
        return new Keychain(caks);
    }

    public boolean isEmpty() {
        return saks.isEmpty() && caks.isEmpty() && msks.isEmpty() && radius.isEmpty() && tlsKeyLog.isEmpty();
    }

    /** This file's entries followed by {@code other}'s (e.g. a keys file plus --sak/--cak options). */
    public KeysFile plus(KeysFile other) {
        List<SakEntry> s = new ArrayList<>(saks);
        s.addAll(other.saks);
        List<CakEntry> c = new ArrayList<>(caks);
        c.addAll(other.caks);
        List<MskEntry> m = new ArrayList<>(msks);
        m.addAll(other.msks);
        List<RadiusSecret> r = new ArrayList<>(radius);
        r.addAll(other.radius);
        return new KeysFile(s, c, m, r, other.tlsKeyLog.isEmpty() ? tlsKeyLog : other.tlsKeyLog);
    }

    // ---------------------------------------------------------------- reading files

    public static KeysFile load(Path path) {
        return load(path, NON_REGULAR_FILE_DEADLINE);
    }

    /** {@link #load(Path)} with the time a pipe or device gets to deliver the file; tests shorten it. */
    static KeysFile load(Path path, Duration deadline) {
        String where = path.toString();
        byte[] raw = read(path, where, "keys file", deadline);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(where + ": not a text file (invalid UTF-8); a keys file is JSON");
        }
        return parse(text, where);
    }

    /**
     * At most {@link #MAX_FILE_BYTES} of the file, whatever it is: a regular file's size is checked first, but a
     * pipe or device has none ({@code /dev/zero} never ends), so every read is bounded. Opening a FIFO that has
     * no writer blocks in the kernel until one comes, and no Java call can interrupt that, so a file that is not
     * regular is read on a daemon thread and given up after {@code deadline}. Pipes stay usable: a process
     * substitution ({@code --keys <(vault read ...)}) is a pipe with a writer. {@code what} names the kind of file
     * in the messages (every file of key material is read this way).
     */
    static byte[] read(Path path, String where, String what, Duration deadline) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            throw cannotRead(where, what, e);
        }
        if (attributes.isDirectory()) {
            throw new InputException(where + ": is a directory, not a " + what);
        }
        if (attributes.isRegularFile()) {
            if (attributes.size() > MAX_FILE_BYTES) {
                throw new InputException(where + ": " + attributes.size() + " bytes is too large for a " + what + " (limit "
                        + MAX_FILE_BYTES + ")");
            }
            try {
                return readBounded(path, where, what);
            } catch (IOException e) {
                throw cannotRead(where, what, e);
            }
        }
        FutureTask<byte[]> task = new FutureTask<>(() -> readBounded(path, where, what));
        Thread reader = Thread.ofPlatform().daemon().name("keys-file-reader").start(task);
        try {
            return task.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            reader.interrupt();
            throw new InputException(where + ": not a regular file, and reading it did not finish within "
                    + seconds(deadline) + " s (a FIFO with no writer?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(where + ": interrupted while reading the " + what);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InputException input) {
                throw input;
            }
            if (e.getCause() instanceof IOException io) {
                throw cannotRead(where, what, io);
            }
            throw new IllegalStateException("reading " + where, e.getCause());
        }
    }

    private static byte[] readBounded(Path path, String where, String what) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] raw = in.readNBytes((int) MAX_FILE_BYTES + 1);
            if (raw.length > MAX_FILE_BYTES) {
                throw new InputException(where + ": more than " + MAX_FILE_BYTES + " bytes: too large for a " + what + " (limit "
                        + MAX_FILE_BYTES + ")");
            }
            return raw;
        }
    }

    private static InputException cannotRead(String where, String what, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new InputException(where + ": " + what + " not found");
        }
        if (e instanceof AccessDeniedException) {
            return new InputException(where + ": cannot read " + what + ": permission denied");
        }
        return new InputException(where + ": cannot read " + what + ": " + e.getMessage());
    }

    private static String seconds(Duration d) {
        return java.math.BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    /** Parses keys-file JSON; {@code source} (a file name, or e.g. "--keys-json") prefixes every error. */
    public static KeysFile parse(String json, String source) {
        JsonNode root;
        try {
            root = readTree(json);
        } catch (JsonProcessingException e) {
            throw new InputException(source + ": " + describe(e));
        }
        if (root == null || root.isMissingNode()) {
            throw new InputException(source + ": empty; expected a JSON object with \"saks\", \"caks\" and/or \"msks\"");
        }
        if (!root.isObject()) {
            throw new InputException(source + ": the top level must be a JSON object with \"saks\", \"caks\" and/or \"msks\", got "
                    + kind(root));
        }
        try {
            rejectUnknown((ObjectNode) root, "", List.of("saks", "caks", "msks", "radius"));
            List<SakEntry> saks = new ArrayList<>();
            List<CakEntry> caks = new ArrayList<>();
            List<MskEntry> msks = new ArrayList<>();
            int i = 0;
            for (ObjectNode n : entries(root, "saks", SAK_FIELDS)) {
                saks.add(sak(n, "saks[" + i + "]", ++i));
            }
            i = 0;
            for (ObjectNode n : entries(root, "caks", CAK_FIELDS)) {
                caks.add(cak(n, "caks[" + i + "]", ++i));
            }
            i = 0;
            for (ObjectNode n : entries(root, "msks", MSK_FIELDS)) {
                msks.add(msk(n, "msks[" + i + "]", ++i));
            }
            List<RadiusSecret> radius = new ArrayList<>();
            i = 0;
            for (ObjectNode n : entries(root, "radius", RADIUS_FIELDS)) {
                radius.add(radius(n, "radius[" + i + "]", ++i));
            }
            return new KeysFile(saks, caks, msks, radius);
        } catch (InputException e) {
            throw new InputException(source + ": " + e.getMessage());
        }
    }

    /** The JSON text as a tree, ints as BigInteger (range checks see the number as written), nothing after the top value. */
    private static JsonNode readTree(String json) throws JsonProcessingException {
        JsonParser p;
        try {
            p = JSON.createParser(json);
        } catch (IOException e) {
            throw new IllegalStateException("reading JSON from a string", e);
        }
        try (p) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return MissingNode.getInstance();
            }
            JsonNode root = value(p, first);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                throw new JsonParseException(p, "Trailing token (of type " + extra + ") found after value", p.currentTokenLocation());
            }
            return root;
        } catch (StreamConstraintsException e) {
            // Jackson's limits (nesting depth, token sizes) carry no location of their own
            throw new JsonParseException(p, e.getOriginalMessage(), p.currentTokenLocation());
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading JSON from a string", e);
        }
    }

    /** Jackson's parser bounds the nesting depth (StreamReadConstraints), so this recursion is bounded too. */
    private static JsonNode value(JsonParser p, JsonToken token) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode o = nodes.objectNode();
                for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                    String name = p.currentName();
                    o.set(name, value(p, p.nextToken()));
                }
                yield o;
            }
            case START_ARRAY -> {
                ArrayNode a = nodes.arrayNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    a.add(value(p, t));
                }
                yield a;
            }
            case VALUE_STRING -> nodes.textNode(p.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(p, token);
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            default -> throw new JsonParseException(p, "Unexpected token (" + token + ")");
        };
    }

    private static JsonNode number(JsonParser p, JsonToken token) throws IOException {
        try {
            return token == JsonToken.VALUE_NUMBER_INT ? JsonNodeFactory.instance.numberNode(p.getBigIntegerValue())
                    : JsonNodeFactory.instance.numberNode(p.getDecimalValue());
        } catch (NumberFormatException e) {
            // an exponent beyond what BigDecimal holds (1e9999999999): Jackson says so with an unchecked exception
            throw new JsonParseException(p, "Number out of range", p.currentTokenLocation());
        }
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String original = e.getOriginalMessage();
        // Jackson quotes the offending token, which in a keys file is likely an unquoted key
        String what = original == null ? "syntax error"
                : original.startsWith("Unrecognized token") ? "unrecognized token (hex values need double quotes)"
                : original.startsWith("Invalid numeric value") ? "invalid number (hex values need double quotes)"
                : original.equals("Number out of range") ? "number out of range"
                : original.startsWith("Trailing token") ? "more JSON after the top-level object"
                : original.startsWith("Document nesting depth") ? "nested deeper than the 1000 levels allowed"
                : original.startsWith("Duplicate field '") && original.endsWith("'")
                        ? "duplicate field " + SafeText.quoted(original.substring(17, original.length() - 1))
                : SafeText.message(original.split("\n")[0].replaceAll("\\s*\\(start marker at .*$", "")
                        .replaceAll(", from `[^`]*`", "").trim());
        String where = at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return "malformed JSON" + where + ": " + what;
    }

    private static List<ObjectNode> entries(JsonNode root, String field, List<String> allowed) {
        JsonNode list = root.get(field);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new InputException(field + ": must be an array of objects, got " + kind(list));
        }
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String where = field + "[" + i + "]";
            if (!n.isObject()) {
                throw new InputException(where + ": must be an object, got " + kind(n));
            }
            rejectUnknown((ObjectNode) n, where + ".", allowed);
            out.add((ObjectNode) n);
        }
        return out;
    }

    private static void rejectUnknown(ObjectNode node, String prefix, List<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                String where = prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1) + ": ";
                throw new InputException(where + "unknown field " + SafeText.quoted(name) + " (allowed: " + String.join(", ", allowed) + ")");
            }
        }
    }

    private static SakEntry sak(ObjectNode n, String where, int number) {
        String sakHex = requiredString(n, "sak", where, "the SAK in hex");
        String suiteName = optionalString(n, "cipherSuite", where);
        CipherSuite suite = null;
        if (suiteName != null) {
            suite = SakEntry.suiteNamed(suiteName);
            if (suite == null) {
                throw new InputException(where + ".cipherSuite: unknown cipher suite " + SafeText.quoted(suiteName) + " (known: "
                        + SakEntry.SUITE_NAMES + ")");
            }
        }
        byte[] sak = Hex.parse(where + ".sak", sakHex);
        if (suite == null) {
            suite = SakEntry.suiteForLength(sak.length);
            if (suite == null) {
                throw new InputException(where + ".sak: a SAK is 32 or 64 hex digits (128/256-bit), got " + sakHex.length());
            }
        } else if (sak.length != suite.keyLength()) {
            throw new InputException(where + ".sak: " + suite.standardName() + " needs " + suite.keyLength() * 2
                    + " hex digits, got " + sakHex.length());
        }
        Long sci = null;
        String sciHex = optionalString(n, "sci", where);
        if (sciHex != null) {
            sci = fixedHex(where + ".sci", sciHex, 8, "an SCI");
        }
        Integer an = null;
        JsonNode anNode = n.get("an");
        if (anNode != null && !anNode.isNull()) {
            if (!anNode.isIntegralNumber() || anNode.bigIntegerValue().signum() < 0
                    || anNode.bigIntegerValue().compareTo(BigInteger.valueOf(3)) > 0) {
                throw new InputException(where + ".an: must be 0, 1, 2 or 3, got " + shortText(anNode));
            }
            an = anNode.intValue();
        }
        Long nextPn = null;
        JsonNode pnNode = n.get("nextPn");
        if (pnNode != null && !pnNode.isNull()) {
            BigInteger max = suite.xpn() ? MAX_PN_64 : BigInteger.valueOf(0xffffffffL);
            if (!pnNode.isIntegralNumber() || pnNode.bigIntegerValue().signum() <= 0
                    || pnNode.bigIntegerValue().compareTo(max) > 0) {
                throw new InputException(where + ".nextPn: must be a whole number from 1 to " + max + " for "
                        + suite.standardName() + ", got " + shortText(pnNode));
            }
            nextPn = pnNode.bigIntegerValue().longValue();
        }
        String ssciHex = optionalString(n, "ssci", where);
        String saltHex = optionalString(n, "salt", where);
        Long ssci = null;
        byte[] salt = null;
        if (suite.xpn()) {
            if (ssciHex == null) {
                throw new InputException(where + ": " + suite.standardName() + " needs \"ssci\" (8 hex digits)");
            }
            if (saltHex == null) {
                throw new InputException(where + ": " + suite.standardName() + " needs \"salt\" (24 hex digits)");
            }
            ssci = fixedHex(where + ".ssci", ssciHex, 4, "an SSCI");
            salt = Hex.parse(where + ".salt", saltHex);
            if (salt.length != Xpn.SALT_LENGTH) {
                throw new InputException(where + ".salt: a salt is 24 hex digits, got " + saltHex.length());
            }
        } else if (ssciHex != null) {
            throw new InputException(where + ".ssci: only the XPN cipher suites use an SSCI (this SAK is " + suite.standardName() + ")");
        } else if (saltHex != null) {
            throw new InputException(where + ".salt: only the XPN cipher suites use a salt (this SAK is " + suite.standardName() + ")");
        }
        SakEntry e = new SakEntry(number, sak, suite, sci, an, nextPn, ssci, salt);
        java.util.Arrays.fill(sak, (byte) 0);
        return e;
    }

    private static CakEntry cak(ObjectNode n, String where, int number) {
        String cknHex = requiredString(n, "ckn", where, "the CKN in hex");
        String cakHex = requiredString(n, "cak", where, "the CAK in hex");
        String name = label(n, where);
        byte[] ckn = ckn(where + ".ckn", cknHex);
        byte[] cak = cakBytes(where + ".cak", cakHex);
        CakEntry e = new CakEntry(number, ckn, cak, name);
        java.util.Arrays.fill(cak, (byte) 0);
        return e;
    }

    private static RadiusSecret radius(ObjectNode n, String where, int number) {
        String secret = requiredString(n, "secret", where, "the RADIUS shared secret");
        String name = label(n, where);
        return radiusSecret(where + ".secret", secret, number, name);
    }

    /** {@code --radius-secret TEXT}. */
    public static RadiusSecret parseRadiusSecretOption(String secret, int number) {
        return radiusSecret("--radius-secret", secret, number, null);
    }

    private static RadiusSecret radiusSecret(String where, String secret, int number, String name) {
        if (secret.isEmpty()) {
            throw new InputException(where + ": a RADIUS shared secret must not be empty (RFC 2865 3)");
        }
        if (secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 1024) {
            throw new InputException(where + ": a RADIUS shared secret of more than 1024 octets is not one a NAS holds");
        }
        return RadiusSecret.of(number, secret, name);
    }

    private static MskEntry msk(ObjectNode n, String where, int number) {
        String mskHex = requiredString(n, "msk", where, "the EAP MSK in hex");
        String sidHex = requiredString(n, "sessionId", where, "the EAP Session-Id in hex");
        String name = label(n, where);
        byte[] msk = Hex.parse(where + ".msk", mskHex);
        if (msk.length < 16 || msk.length > 64) {
            throw new InputException(where + ".msk: an MSK is 32 to 128 hex digits (16 to 64 octets), got " + mskHex.length());
        }
        byte[] sid = Hex.parse(where + ".sessionId", sidHex);
        if (sid.length > 256) {
            throw new InputException(where + ".sessionId: an EAP Session-Id is at most 512 hex digits (256 octets), got "
                    + sidHex.length());
        }
        MskEntry e = new MskEntry(number, msk, sid, name);
        java.util.Arrays.fill(msk, (byte) 0);
        return e;
    }

    /**
     * An entry's optional name, which the summaries and timelines print: refused when it could be a key (it would be
     * printed everywhere) or holds a control or formatting character (a newline, a terminal escape, a bidi override).
     */
    private static String label(ObjectNode n, String where) {
        String name = optionalString(n, "name", where);
        if (name == null) {
            return null;
        }
        if (SafeText.couldBeKey(name)) {
            throw new InputException(where + ".name: " + SafeText.quoted(name) + " is printed in the output, so it must not look like a key");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                throw new InputException(where + ".name: must be printable text, found " + String.format("U+%04X", (int) c)
                        + " at position " + (i + 1));
            }
        }
        return name;
    }

    private static byte[] ckn(String where, String hex) {
        byte[] ckn = Hex.parse(where, hex);
        if (ckn.length > 32) {
            throw new InputException(where + ": a CKN is 2 to 64 hex digits (1 to 32 octets), got " + hex.length());
        }
        return ckn;
    }

    private static byte[] cakBytes(String where, String hex) {
        byte[] cak = Hex.parse(where, hex);
        if (cak.length != 16 && cak.length != 32) {
            throw new InputException(where + ": a CAK is 32 or 64 hex digits (128/256-bit), got " + hex.length());
        }
        return cak;
    }

    private static long fixedHex(String where, String hex, int octets, String what) {
        byte[] b = Hex.parse(where, hex);
        if (b.length != octets) {
            throw new InputException(where + ": " + what + " is " + octets * 2 + " hex digits, got " + hex.length());
        }
        long v = 0;
        for (byte x : b) {
            v = v << 8 | (x & 0xff);
        }
        return v;
    }

    private static String requiredString(ObjectNode n, String field, String where, String what) {
        String s = optionalString(n, field, where);
        if (s == null) {
            throw new InputException(where + "." + field + ": missing (" + what + ")");
        }
        return s;
    }

    private static String optionalString(ObjectNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InputException(where + "." + field + ": must be a string, got " + kind(v));
        }
        return v.textValue();
    }

    private static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** A number as written when it is no longer than a 64-bit PN; a longer one could be a key typed without quotes. */
    private static String shortText(JsonNode n) {
        if (n.isNumber()) {
            String t = n.asText();
            return t.length() > 20 ? "a number of " + t.length() + " characters" : t;
        }
        return kind(n);
    }

    // ---------------------------------------------------------------- command-line forms

    /** {@code --sak HEX}: 32 or 64 hex digits, GCM-AES-128 or GCM-AES-256 by length, any SC and AN. */
    public static SakEntry parseSakOption(String hex, int number) {
        String where = "--sak";
        byte[] sak = Hex.parse(where, hex);
        CipherSuite suite = SakEntry.suiteForLength(sak.length);
        if (suite == null) {
            throw new InputException(where + ": a SAK is 32 or 64 hex digits (128/256-bit), got " + hex.length());
        }
        SakEntry e = new SakEntry(number, sak, suite, null, null, null, null, null);
        java.util.Arrays.fill(sak, (byte) 0);
        return e;
    }

    /** {@code --cak CKN:CAK}. */
    public static CakEntry parseCakOption(String value, int number) {
        String where = "--cak";
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw new InputException(where + ": expected CKN:CAK (two hex values separated by ':'), found no ':'");
        }
        if (value.indexOf(':', colon + 1) >= 0) {
            throw new InputException(where + ": expected CKN:CAK (two hex values separated by ':'), found more than one ':'");
        }
        return cakEntry(where + " CKN", value.substring(0, colon), where + " CAK", value.substring(colon + 1), number);
    }

    /** A CKN and a CAK given as options of their own ({@code keys derive --ckn --cak}): errors name each option. */
    public static CakEntry parseCakOptions(String cknHex, String cakHex) {
        return cakEntry("--ckn", cknHex, "--cak", cakHex, 1);
    }

    private static CakEntry cakEntry(String cknWhere, String cknHex, String cakWhere, String cakHex, int number) {
        byte[] ckn = ckn(cknWhere, cknHex);
        byte[] cak = cakBytes(cakWhere, cakHex);
        CakEntry e = new CakEntry(number, ckn, cak, null);
        java.util.Arrays.fill(cak, (byte) 0);
        return e;
    }

    /** All {@code --sak} and {@code --cak} values of one command line, numbered in the order given. */
    public static KeysFile fromOptions(List<String> sakOptions, List<String> cakOptions) {
        List<SakEntry> saks = new ArrayList<>();
        for (String s : sakOptions) {
            saks.add(parseSakOption(s, saks.size() + 1));
        }
        List<CakEntry> caks = new ArrayList<>();
        for (String c : cakOptions) {
            caks.add(parseCakOption(c, caks.size() + 1));
        }
        return new KeysFile(saks, caks, List.of());
    }
}
