package dev.macsec.conformance.device;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@link DeviceUnderTest#setUp} installs.
 *
 * @param secY   the SecY's controls
 * @param txSas  transmit SAs; the first becomes the encoding SA
 * @param rxSas  receive SAs by receive SC (SCI), in installation order
 * @param cidr   the Controlled Port's address (null for none), with {@code peerIp}/{@code peerMac} the tester's
 */
public record DeviceSetup(SecYConfig secY, List<SaConfig> txSas, Map<Long, List<SaConfig>> rxSas, String cidr,
                          String peerIp, String peerMac) {
    public DeviceSetup {
        txSas = List.copyOf(txSas);
        Map<Long, List<SaConfig>> m = new LinkedHashMap<>();
        rxSas.forEach((k, v) -> m.put(k, List.copyOf(v)));
        rxSas = java.util.Collections.unmodifiableMap(m);
    }
}
