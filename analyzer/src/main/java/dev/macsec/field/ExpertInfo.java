package dev.macsec.field;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One kind of anomaly, declared once (Wireshark's {@code ei_register_info}): its code, group, severity, the
 * standard's clause it enforces and a summary. Declaring it registers the code as a display-filter field, so
 * {@code -Y mka.bad_order} finds the frames that carry it, and {@code macsec fields} lists it; the generic fields
 * {@link #EXPERT}, {@link #MESSAGE}, {@link #SEVERITY} and {@link #GROUP} match any expert item, also under
 * Wireshark's {@code _ws.expert} names. The message of each occurrence is written where it is raised, with the
 * values that make it specific.
 *
 * @param code     stable identifier, also the filter field's name, e.g. {@code mka.bad_order}
 * @param group    what kind of anomaly
 * @param severity how bad every occurrence is
 * @param clause   where the standard states the rule, e.g. {@code 802.1X-2020 11.11.3}; empty when no standard
 *                 rule is broken (a frame the analyzer does not decode further)
 * @param summary  what the code means, for listings
 * @param field    the display-filter field named after the code
 * @param ownField whether {@link #field} was declared for the code alone (not a decoder's field of the same name)
 */
public record ExpertInfo(String code, ExpertGroup group, Severity severity, String clause, String summary, Field field,
                         boolean ownField) {
    private static final Map<String, ExpertInfo> BY_CODE = new ConcurrentHashMap<>();

    /** Any expert item (value: its message). */
    public static final Field EXPERT = Field.declare("expert", "Expert Info", FieldType.STRING, 0,
            "Any expert item (anomaly) of the frame: decoder's or MKA finding").wiresharkAlias("_ws.expert");
    public static final Field MESSAGE = Field.declare("expert.message", "Message", FieldType.STRING, 0,
            "The expert item's message").wiresharkAlias("_ws.expert.message");
    public static final Field SEVERITY = Field.declare("expert.severity", "Severity level", FieldType.STRING, 0,
            "The expert item's severity: CHAT, NOTE, WARN or ERROR").wiresharkAlias("_ws.expert.severity");
    public static final Field GROUP = Field.declare("expert.group", "Group", FieldType.STRING, 0,
            "The expert item's group as Wireshark names it (Malformed, Protocol, Sequence, Security ...)")
            .wiresharkAlias("_ws.expert.group");

    public ExpertInfo {
        Objects.requireNonNull(code);
        Objects.requireNonNull(group);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(clause);
        Objects.requireNonNull(summary);
    }

    /**
     * Declares and registers an expert code; a code declared twice is a programming error (each anomaly has one
     * definition, as in Wireshark).
     */
    public static ExpertInfo declare(String code, ExpertGroup group, Severity severity, String clause, String summary) {
        return register(new ExpertInfo(code, group, severity, clause, summary, Field.declare(code, summary,
                FieldType.STRING, 0, "Expert info: " + summary), true));
    }

    /**
     * Declares an expert code named like a field the decoder adds where it raises the expert (an unknown parameter
     * set's body, absent when the body is empty): {@code -Y} on the name matches a frame holding either.
     */
    public static ExpertInfo declare(String code, ExpertGroup group, Severity severity, String clause, String summary,
                                     Field sameNamedField) {
        if (!sameNamedField.filterName().equals(code)) {
            throw new IllegalArgumentException("field " + sameNamedField + " is not named " + code);
        }
        return register(new ExpertInfo(code, group, severity, clause, summary, sameNamedField, false));
    }

    private static ExpertInfo register(ExpertInfo info) {
        String code = info.code();
        if (BY_CODE.putIfAbsent(code, info) != null) {
            throw new IllegalStateException("expert code " + code + " declared twice");
        }
        return info;
    }

    /** The registered expert with this code, or null. */
    public static ExpertInfo lookup(String code) {
        return BY_CODE.get(code);
    }

    /** Every registered expert code, in no particular order. */
    public static Collection<ExpertInfo> all() {
        return List.copyOf(BY_CODE.values());
    }

    /** How {@code macsec fields} describes the code: severity, group, clause and summary. */
    public String describe() {
        return severity + ", " + group.wiresharkName() + (clause.isEmpty() ? "" : ", " + clause) + ": " + summary;
    }

    /** An occurrence: this code at its severity, with a message naming what was found where. */
    public Expert at(String message, int offset, int length) {
        return new Expert(severity, code, message, offset, length);
    }

    /**
     * The values {@code field} takes in a frame whose expert items are {@code experts}, added to {@code into}:
     * nothing unless the field is one of the generic expert fields or an expert code.
     */
    static void collect(Field field, List<Expert> experts, List<FieldValue> into) {
        String name = field.filterName();
        boolean generic = isGeneric(name);
        for (Expert x : experts) {
            if (generic || x.code().equals(name)) {
                into.add(new FieldValue(field, Math.max(0, x.offset()), x.length(), valueOf(field, x)));
            }
        }
    }

    /** Whether {@code field} takes its values from the expert items: a generic expert field or a code. */
    static boolean isExpertField(Field field) {
        return isGeneric(field.filterName()) || BY_CODE.containsKey(field.filterName());
    }

    private static boolean isGeneric(String name) {
        return name.equals(EXPERT.filterName()) || name.equals(MESSAGE.filterName())
                || name.equals(SEVERITY.filterName()) || name.equals(GROUP.filterName());
    }

    private static Object valueOf(Field field, Expert x) {
        String name = field.filterName();
        if (name.equals(SEVERITY.filterName())) {
            return x.severity().name();
        }
        if (name.equals(GROUP.filterName())) {
            ExpertInfo info = BY_CODE.get(x.code());
            return info == null ? "" : info.group().wiresharkName();
        }
        return x.message();
    }

    @Override
    public String toString() {
        return code;
    }
}
