package dev.agentlens.engine.store.postgres;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay in front of the test PostgreSQL: {@link #cut} drops every connection and refuses new
 * ones (the database "goes away" without stopping the shared server), {@link #restore} lets
 * connections through again on the same port.
 */
final class TcpProxy {
  private final Vertx vertx;
  private final String targetHost;
  private final int targetPort;
  private final NetClient client;
  private final Set<NetSocket> open = ConcurrentHashMap.newKeySet();
  private NetServer server;
  private int port;

  TcpProxy(Vertx vertx, String targetHost, int targetPort) {
    this.vertx = vertx;
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.client = vertx.createNetClient();
  }

  /** Starts relaying; the first call picks a free port, later calls reuse it. */
  TcpProxy restore() {
    server =
        PostgresTestDatabase.await(
            vertx.createNetServer().connectHandler(this::relay).listen(port, "127.0.0.1"));
    port = server.actualPort();
    return this;
  }

  /** Closes the listener and every relayed connection. */
  void cut() {
    PostgresTestDatabase.await(server.close());
    for (NetSocket s : open) {
      s.close();
    }
    open.clear();
  }

  int port() {
    return port;
  }

  private void relay(NetSocket in) {
    in.pause();
    open.add(in);
    client
        .connect(targetPort, targetHost)
        .onFailure(e -> in.close())
        .onSuccess(
            out -> {
              open.add(out);
              in.closeHandler(v -> out.close());
              out.closeHandler(v -> in.close());
              in.pipeTo(out);
              out.pipeTo(in);
              in.resume();
            });
  }
}
