package dev.macsec.decode;

import dev.macsec.field.Field;
import dev.macsec.field.FieldType;

import java.util.Map;

/** The frame metadata layer: what the capture file says about a frame, not what its bytes say. */
public final class FrameFields {
    private FrameFields() {
    }

    public static final Field FRAME = Field.declare("frame", "Frame", FieldType.PROTOCOL, 0, "Capture metadata of one frame");
    public static final Field NUMBER = Field.declare("frame.number", "Frame Number", FieldType.UINT_DEC, 4,
            "Position of the frame in the capture, from 1");
    public static final Field TIME_EPOCH = Field.declare("frame.time_epoch", "Epoch Time", FieldType.STRING, 0,
            "Capture time in seconds since 1970-01-01 UTC");
    public static final Field LEN = Field.declare("frame.len", "Frame Length", FieldType.UINT_DEC, 4,
            "Octets the frame had on the wire");
    public static final Field CAP_LEN = Field.declare("frame.cap_len", "Capture Length", FieldType.UINT_DEC, 4,
            "Octets of the frame present in the capture (less than frame.len when cut by the snapshot length)");
    public static final Field ENCAP_TYPE = Field.named("frame.encap_type", "Link Type", FieldType.UINT_DEC, 2,
            Map.of((long) LinkLayer.LINKTYPE_ETHERNET, "Ethernet", (long) LinkLayer.LINKTYPE_LINUX_SLL, "Linux cooked capture v1",
                    (long) LinkLayer.LINKTYPE_LINUX_SLL2, "Linux cooked capture v2"),
            "pcap LINKTYPE of the capture");
}
