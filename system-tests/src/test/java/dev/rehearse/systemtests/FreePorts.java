package dev.rehearse.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Ports nobody listens on now, so a test suite never collides with a developer's `./rehearse up`.
 */
final class FreePorts {
  private FreePorts() {}

  static List<Integer> take(int count) {
    return take(count, 0);
  }

  /**
   * As {@link #take(int)}, each port with {@code port + step} free as well (0: none): where a
   * second instance of a part listens under `./rehearse up --scale`.
   */
  static List<Integer> take(int count, int step) {
    List<ServerSocket> held = new ArrayList<>();
    List<Integer> ports = new ArrayList<>();
    try {
      // hold them all open at once so the same port is not handed out twice
      while (ports.size() < count) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        held.add(socket);
        if (step == 0) {
          ports.add(socket.getLocalPort());
          continue;
        }
        try {
          held.add(
              new ServerSocket(socket.getLocalPort() + step, 1, InetAddress.getLoopbackAddress()));
          ports.add(socket.getLocalPort());
        } catch (IOException taken) {
          // its second instance's port is in use: try another
        }
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      held.forEach(FreePorts::close);
    }
  }

  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void close(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
