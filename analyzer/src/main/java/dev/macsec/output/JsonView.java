package dev.macsec.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import dev.macsec.analysis.AnalysisSummary;
import dev.macsec.analysis.FrameRecord;
import dev.macsec.analysis.EapSummary;
import dev.macsec.analysis.MkaSummary;
import dev.macsec.counter.Counter;
import dev.macsec.counter.CounterValues;
import dev.macsec.counter.ScCounters;
import dev.macsec.counter.SecYCounters;
import dev.macsec.field.FieldFormat;
import dev.macsec.secy.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code -T json}: NDJSON, one object per frame, then one {@code "type":"summary"} object with the 802.1AE
 * counters, verdict totals, MKA timeline and findings, and the keys learned (by name only).
 */
public final class JsonView implements FrameView {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final Writer out;
    /**
     * Each object is written here and goes out whole: an object cut short by an exception is dropped, so every line
     * already out and the summary after it stay valid JSON.
     */
    private final CharBuffer pending = new CharBuffer();
    private JsonGenerator json;
    private boolean open;

    public JsonView(Writer out) throws IOException {
        this.out = out;
        this.json = generator();
    }

    private JsonGenerator generator() throws IOException {
        JsonGenerator g = FACTORY.createGenerator(pending);
        // one object per line: the newline is written after each object, not by the generator between them
        g.setPrettyPrinter(new MinimalPrettyPrinter(""));
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return g;
    }

    private void begin() throws IOException {
        if (open) {
            // the last object broke off half-way: its generator is mid-object, start afresh without it
            pending.reset();
            json = generator();
        }
        open = true;
        json.writeStartObject();
    }

    private void end() throws IOException {
        json.writeEndObject();
        json.flush();
        pending.write('\n');
        pending.writeTo(out);
        open = false;
    }

    @Override
    public void frame(FrameRecord r) throws IOException {
        begin();
        json.writeStringField("type", "frame");
        json.writeNumberField("frame", r.number());
        json.writeStringField("time", time(r.timestampNanos()));
        json.writeNumberField("length", r.originalLength());
        json.writeStringField("protocol", FrameText.protocol(r));
        String[] addr = FrameText.addresses(r);
        json.writeStringField("source", addr[0]);
        json.writeStringField("destination", addr[1]);
        json.writeStringField("info", FrameText.info(r));
        if (r.verdict() != null) {
            json.writeStringField("verdict", r.verdict().name());
        } else if (r.isMacsec()) {
            json.writeStringField("verdict", "NO_KEY");
        }
        if (r.mka() != null) {
            json.writeStringField("mkaIcv", r.mka().icvStatus());
        }
        JsonFields.write(r.dissection(), json);
        end();
    }

    static String time(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)).toString();
    }

    @Override
    public void finish(AnalysisSummary s) throws IOException {
        begin();
        json.writeStringField("type", "summary");
        json.writeNumberField("frames", s.run().frames());
        json.writeNumberField("macsecFrames", s.run().macsecFrames());
        json.writeNumberField("mkpdus", s.run().mkpdus());
        json.writeStringField("profile", s.options().profile().name());
        json.writeStringField("validateFrames", s.options().validateFrames().name());
        json.writeBooleanField("replayProtect", s.options().replayProtect());
        json.writeNumberField("replayWindow", s.options().replayWindow());
        json.writeObjectFieldStart("verdicts");
        for (Map.Entry<Verdict, Long> e : s.verdicts().entrySet()) {
            json.writeNumberField(e.getKey().name(), e.getValue());
        }
        json.writeEndObject();
        writeCounters(s.counters());
        writeMka(s.mka());
        writeEap(s.eap());
        json.writeObjectFieldStart("throughput");
        json.writeNumberField("seconds", s.run().wallNanos() / 1e9);
        json.writeNumberField("framesPerSecond", Math.round(s.run().framesPerSecond()));
        json.writeNumberField("megabytesPerSecond", Math.round(s.run().megabytesPerSecond() * 10) / 10.0);
        json.writeEndObject();
        json.writeBooleanField("findings", s.hasFindings());
        // null when the input was read to its end; else what stopped it, and the figures cover the frames before it
        json.writeStringField("inputError", s.inputError());
        end();
        out.flush();
    }

    /** A reusable character buffer the generator writes one object into. */
    private static final class CharBuffer extends Writer {
        private char[] chars = new char[8192];
        private int length;

        @Override
        public void write(char[] c, int off, int len) {
            room(len);
            System.arraycopy(c, off, chars, length, len);
            length += len;
        }

        @Override
        public void write(String s, int off, int len) {
            room(len);
            s.getChars(off, off + len, chars, length);
            length += len;
        }

        @Override
        public void write(int c) {
            room(1);
            chars[length++] = (char) c;
        }

        private void room(int len) {
            if (length + len > chars.length) {
                chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, length + len));
            }
        }

        void writeTo(Writer w) throws IOException {
            w.write(chars, 0, length);
            length = 0;
        }

        void reset() {
            length = 0;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private void writeCounters(SecYCounters counters) throws IOException {
        json.writeObjectFieldStart("counters");
        json.writeObjectFieldStart("secy");
        writeValues(counters.secY());
        json.writeEndObject();
        json.writeObjectFieldStart("rxsc");
        for (Map.Entry<Long, ScCounters> sc : counters.receiveScs().entrySet()) {
            json.writeObjectFieldStart(FieldFormat.sci(sc.getKey()));
            writeValues(sc.getValue().sc());
            json.writeObjectFieldStart("sa");
            for (Map.Entry<Integer, CounterValues> sa : sc.getValue().sas().entrySet()) {
                json.writeObjectFieldStart(Integer.toString(sa.getKey()));
                writeValues(sa.getValue());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private void writeValues(CounterValues values) throws IOException {
        for (Map.Entry<Counter, Long> e : values.values().entrySet()) {
            json.writeNumberField(e.getKey().managedObject(), e.getValue());
        }
    }

    /** Only when the capture holds an 802.1X authentication, so that the summary of any other keeps its shape. */
    private void writeEap(EapSummary eap) throws IOException {
        if (eap.isEmpty()) {
            return;
        }
        json.writeObjectFieldStart("eap");
        writeKeysTimelineFindings(eap.learnedKeys(), eap.timeline(), eap.findings());
        json.writeEndObject();
    }

    /** What the MKA and 802.1X sections share: the keys learned, the timeline of events and the findings. */
    private void writeKeysTimelineFindings(List<String> keys, List<MkaSummary.Event> timeline,
                                           List<MkaSummary.Finding> findings) throws IOException {
        json.writeArrayFieldStart("keysLearned");
        for (String k : keys) {
            json.writeString(k);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("timeline");
        for (MkaSummary.Event e : timeline) {
            json.writeStartObject();
            json.writeNumberField("frame", e.frame());
            json.writeStringField("time", time(e.timestampNanos()));
            json.writeStringField("event", e.kind());
            json.writeStringField("text", e.text());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("findings");
        for (MkaSummary.Finding f : findings) {
            json.writeStartObject();
            json.writeNumberField("frame", f.frame());
            json.writeStringField("severity", f.severity());
            json.writeStringField("code", f.code());
            json.writeStringField("message", f.message());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void writeMka(MkaSummary mka) throws IOException {
        json.writeObjectFieldStart("mka");
        json.writeNumberField("mkpdus", mka.mkpdus());
        json.writeNumberField("icvVerified", mka.icvVerified());
        json.writeNumberField("icvFailed", mka.icvFailed());
        json.writeNumberField("icvNoKey", mka.icvNoKey());
        json.writeArrayFieldStart("cas");
        for (MkaSummary.Ca ca : mka.cas()) {
            json.writeStartObject();
            json.writeStringField("ckn", ca.ckn());
            if (ca.keyName() != null) {
                json.writeStringField("key", ca.keyName());
            }
            json.writeArrayFieldStart("participants");
            for (MkaSummary.Participant p : ca.participants()) {
                json.writeStartObject();
                json.writeStringField("sci", p.sci());
                json.writeStringField("mi", p.mi());
                json.writeStringField("mac", p.mac());
                json.writeNumberField("priority", p.priority());
                json.writeBooleanField("keyServer", p.keyServer());
                json.writeNumberField("mkpdus", p.mkpdus());
                json.writeEndObject();
            }
            json.writeEndArray();
            writeKeysTimelineFindings(ca.learnedKeys(), ca.timeline(), ca.findings());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
