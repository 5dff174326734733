package dev.macsec.output;

import dev.macsec.analysis.AnalysisSummary;
import dev.macsec.analysis.FrameRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/** tshark's default view: one line per frame (number, relative time, source, destination, protocol, length, info). */
public final class LineView implements FrameView {
    private final PrintWriter out;
    private final boolean withSummary;
    private long firstTimestamp = Long.MIN_VALUE;

    public LineView(PrintWriter out, boolean withSummary) {
        this.out = out;
        this.withSummary = withSummary;
    }

    @Override
    public void firstFrameRead(long timestampNanos) {
        firstTimestamp = timestampNanos;
    }

    @Override
    public void frame(FrameRecord r) {
        if (firstTimestamp == Long.MIN_VALUE) {
            firstTimestamp = r.timestampNanos();
        }
        out.println(line(r, firstTimestamp));
    }

    public static String line(FrameRecord r, long firstTimestamp) {
        String[] addr = FrameText.addresses(r);
        double seconds = (r.timestampNanos() - firstTimestamp) / 1e9;
        return String.format(Locale.ROOT, "%5d %10.6f %17s → %-17s %-6s %5d %s", r.number(), seconds, addr[0], addr[1],
                FrameText.protocol(r), r.originalLength(), FrameText.info(r));
    }

    @Override
    public void finish(AnalysisSummary summary) throws IOException {
        if (withSummary) {
            out.println();
            new SummaryView(out, false).finish(summary);
        }
        out.flush();
    }
}
