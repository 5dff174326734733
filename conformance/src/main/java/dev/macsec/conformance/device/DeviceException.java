package dev.macsec.conformance.device;

import java.io.IOException;

/** A device refused or failed a configuration step. The message never contains key material. */
public class DeviceException extends IOException {
    public DeviceException(String message) {
        super(message);
    }
}
