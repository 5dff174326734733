package dev.macsec.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.macsec.analysis.FieldCatalog;
import dev.macsec.error.InputException;
import dev.macsec.field.Bytes;
import dev.macsec.field.Dissection;
import dev.macsec.field.Field;
import dev.macsec.field.FieldRegistry;
import dev.macsec.field.FieldType;
import dev.macsec.field.FieldValue;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The filter language over fields of its own, kept out of the process-wide registry the decoders fill. */
class DisplayFilterTest {
    static final Field PROTO = field("ftest", "Filter test", FieldType.PROTOCOL, 0, 0, Map.of());
    static final Field PN = field("ftest.pn", "PN", FieldType.UINT_DEC, 0, 4, Map.of());
    static final Field FLAG = field("ftest.e", "E", FieldType.BOOLEAN, 0x08, 1, Map.of());
    static final Field VERDICT = field("ftest.verdict", "Verdict", FieldType.STRING, 0, 0, Map.of());
    static final Field MAC = field("ftest.src", "Source", FieldType.MAC, 0, 6, Map.of());
    static final Field VLAN = field("ftest.vlan", "VLAN", FieldType.UINT_DEC, 0, 2, Map.of());
    static final Field KEY = field("ftest.ckn", "CKN", FieldType.BYTES, 0, 0, Map.of());
    static final Field TYPE = field("ftest.type", "Type", FieldType.UINT_DEC, 0, 1, Map.of(5L, "MKA", 0L, "EAP-Packet"));
    static final Field ABSENT = field("ftest.absent", "Absent", FieldType.UINT_DEC, 0, 1, Map.of());
    static final Map<String, Field> FIELDS = Stream.of(PROTO, PN, FLAG, VERDICT, MAC, VLAN, KEY, TYPE, ABSENT)
            .collect(Collectors.toMap(Field::filterName, f -> f));

    private static Field field(String name, String display, FieldType type, long bitmask, int width, Map<Long, String> names) {
        return new Field(name, display, type, bitmask, width, names, "");
    }

    private static DisplayFilter parse(String filter) {
        return DisplayFilter.parse(filter, FIELDS::get);
    }

    static Dissection frame() {
        Dissection d = new Dissection();
        FieldValue root = d.addLayer(PROTO, 0, 60);
        root.add(PN, 4, 4, 1234L);
        root.add(FLAG, 2, 1, true);
        root.add(VERDICT, -1, 0, "LATE");
        root.add(MAC, 6, 6, 0x525400000002L);
        root.add(VLAN, 14, 2, 10L);
        root.add(VLAN, 18, 2, 20L);
        root.add(KEY, 30, 4, Bytes.fromHex("61626364"));
        root.add(TYPE, 1, 1, 5L);
        return d;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "ftest.pn | true",
        "ftest.absent | false",
        "ftest.pn > 100 | true",
        "ftest.pn > 1234 | false",
        "ftest.pn >= 1234 | true",
        "ftest.pn == 0x4d2 | true",
        "ftest.pn lt 2000 | true",
        "ftest.e == 1 | true",
        "ftest.e == false | false",
        "ftest.verdict != \"OK\" | true",
        "ftest.verdict == \"LATE\" | true",
        "ftest.pn > 100 and ftest.verdict != \"OK\" | true",
        "ftest.pn > 5000 or ftest.verdict == \"LATE\" | true",
        "not ftest.e | false",
        "!(ftest.pn < 10) && ftest.e | true",
        "ftest.src == 52:54:00:00:00:02 | true",
        "ftest.src == 52-54-00-00-00-03 | false",
        "ftest.vlan == 20 | true",
        "ftest.vlan != 20 | false",
        "ftest.vlan != 30 | true",
        "ftest.absent != 3 | false",
        "ftest.ckn == 61:62:63:64 | true",
        "ftest.type == 5 | true",
        "ftest.type == \"MKA\" | true",
        "ftest.type == MKA | true",
        "( ftest.pn == 1 ) or ( ftest.pn == 1234 ) | true",
    })
    void evaluates(String filter, boolean expected) {
        assertEquals(expected, parse(filter).matches(frame()));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "nosuch.field == 1 | unknown field \"nosuch.field\" at column 1",
        "ftest.pn == | a value was expected",
        "ftest.pn == abc | \"abc\" is not a valid value for ftest.pn",
        "ftest.pn == \"abc\" | \"abc\" is not a valid value for ftest.pn (expected a number)",
        "(ftest.pn == 1 | missing \")\"",
        "ftest.verdict == \"OK | unterminated string",
        "ftest.pn == 1 ftest.e | unexpected \"ftest.e\"",
        "BLANK | empty filter",
    })
    void rejectsWithPosition(String filter, String message) {
        InputException e = assertThrows(InputException.class, () -> parse(filter.equals("BLANK") ? " " : filter));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void deepNestingIsRefusedNotOverflowed() {
        String deep = "(".repeat(10_000) + "ftest.pn" + ")".repeat(10_000);
        InputException e = assertThrows(InputException.class, () -> parse(deep));
        assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
        String manyNots = "not ".repeat(5_000) + "ftest.pn";
        assertThrows(InputException.class, () -> parse(manyNots));
    }

    @Test
    void longFlatChainsParse() {
        String chain = String.join(" or ", java.util.Collections.nCopies(2_000, "ftest.pn == 1"));
        assertFalse(parse(chain).matches(frame()));
    }

    @Test
    void theTestsFieldsStayOutOfTheRegistry() {
        for (Field f : FIELDS.values()) {
            assertNull(FieldRegistry.lookup(f.filterName()), f.filterName());
        }
        InputException e = assertThrows(InputException.class, () -> DisplayFilter.parse("ftest.pn == 1", FieldCatalog::lookup));
        assertTrue(e.getMessage().contains("unknown field \"ftest.pn\""), e.getMessage());
    }
}
