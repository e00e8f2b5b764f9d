package dev.asyncbench.core.testbed;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;

/**
 * Where a testbed server listens: loopback unless asked otherwise ({@code ./suite testbed
 * --bind}), and the address a client on another machine reaches it by.
 */
final class Addresses {
    private Addresses() {
    }

    /** {@code host} as an address; an {@link IllegalArgumentException} naming it when unknown. */
    static InetAddress parse(String host) {
        if (host == null) throw new NullPointerException("host must not be null");
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host '" + host + "'", e);
        }
    }

    /** 127.0.0.1 itself (never ::1, whatever java.net.preferIPv6Addresses says). */
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress() instanceof Inet4Address v4 ? v4 : parse("127.0.0.1");

    /**
     * The address to hand to clients of a server bound to {@code bound}: itself, or for the
     * wildcard (0.0.0.0, ::) the address this machine sends from on its default route (a UDP
     * socket's local address once connected: no packet is sent), else its first IPv4 address
     * that is up and not loopback, else 127.0.0.1.
     */
    static String reachable(InetAddress bound) {
        if (!bound.isAnyLocalAddress()) return bound.getHostAddress();
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(InetAddress.getByName("192.0.2.1"), 9);   // TEST-NET-1: routed like any outside address, never reached
            InetAddress local = probe.getLocalAddress();
            if (local instanceof Inet4Address && !local.isAnyLocalAddress() && !local.isLoopbackAddress()) return local.getHostAddress();
        } catch (IOException | RuntimeException e) {
            // no default route: look at the interfaces
        }
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) continue;
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) return a.getHostAddress();
                }
            }
        } catch (SocketException e) {
            // no interfaces to list: loopback
        }
        return "127.0.0.1";
    }

    /** An address as a URL's host: an IPv6 one in brackets. */
    static String urlHost(String address) {
        return address.contains(":") ? "[" + address + "]" : address;
    }
}
