package io.sealpost.smtp;

import io.sealpost.config.SettingException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The client networks allowed to relay, as CIDR blocks. Matching is a prefix comparison of the
 * address bytes; small enough that a dependency for it would not pay its way.
 */
public final class AllowedNetworks {

    private record Block(byte[] network, int prefixBits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int fullBytes = prefixBits / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int remainingBits = prefixBits % 8;
            if (remainingBits == 0) {
                return true;
            }
            int mask = 0xFF << (8 - remainingBits) & 0xFF;
            return (address[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }

    private final List<Block> blocks;

    private AllowedNetworks(List<Block> blocks) {
        this.blocks = blocks;
    }

    /** Parses {@code 127.0.0.0/8, ::1/128, 192.0.2.7}; errors name the setting. */
    public static AllowedNetworks parse(String settingName, String cidrList) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : cidrList.split(",")) {
            String cidr = entry.trim();
            if (cidr.isEmpty()) {
                continue;
            }
            String[] parts = cidr.split("/", 2);
            try {
                if (!parts[0].matches("[0-9a-fA-F:.]+")) {
                    throw new UnknownHostException(parts[0]);
                }
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
                if (bits < 0 || bits > network.length * 8) {
                    throw new NumberFormatException();
                }
                blocks.add(new Block(network, bits));
            } catch (UnknownHostException | NumberFormatException e) {
                throw new SettingException(settingName + ": '" + cidr + "' is not an address or CIDR block");
            }
        }
        return new AllowedNetworks(List.copyOf(blocks));
    }

    public boolean allows(InetAddress client) {
        byte[] address = client.getAddress();
        return blocks.stream().anyMatch(block -> block.contains(address));
    }
}
