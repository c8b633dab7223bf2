package kommunalgraph;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Runs Neo4j Community embedded with a Bolt connector, so that a local development or test
 * instance needs only a JDK and the Maven Central artifacts. Started and stopped by
 * src/db/launcher/; the contract with it is the ready line on stdout and the exit codes below.
 */
public final class Neo4jLauncher {

  static final String READY_MARKER = "KOMMUNALGRAPH_NEO4J_READY";
  static final String STOPPED_MARKER = "KOMMUNALGRAPH_NEO4J_STOPPED";

  static final int EXIT_FAILURE = 1;
  static final int EXIT_USAGE = 2;
  static final int EXIT_PORT_IN_USE = 3;
  static final int EXIT_STORE_LOCKED = 4;

  /** Released once build() has returned or failed, so the shutdown hook knows what to stop. */
  private static final CountDownLatch startupSettled = new CountDownLatch(1);

  private static volatile DatabaseManagementService service;

  private Neo4jLauncher() {}

  /** An expected failure: reported as one line on stderr with its own exit code. */
  static final class LauncherFailure extends Exception {
    final int exitCode;

    LauncherFailure(int exitCode, String message, Throwable cause) {
      super(message, cause);
      this.exitCode = exitCode;
    }
  }

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args, System.getenv("NEO4J_PASSWORD"));
    } catch (IllegalArgumentException e) {
      System.err.println("neo4j-launcher: " + e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(EXIT_USAGE);
      return;
    }

    // Registered before build() so a SIGTERM that arrives during a slow start still ends in a
    // clean shutdown instead of a store that needs recovery on the next start.
    Runtime.getRuntime().addShutdownHook(new Thread(Neo4jLauncher::shutDownOnSignal, "kg-stop"));

    try {
      run(options);
    } catch (LauncherFailure failure) {
      writeErrorLog(options.home, failure);
      System.err.println("neo4j-launcher: " + failure.getMessage());
      System.exit(failure.exitCode);
      return;
    }

    // Neo4j serves Bolt from its own threads; the main thread only has to stay out of the way
    // until SIGTERM runs the shutdown hook, which ends the JVM.
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void run(Options options) throws LauncherFailure {
    DatabaseManagementService started;
    try {
      started = buildService(options);
    } catch (Throwable t) {
      startupSettled.countDown();
      throw classify(t, options);
    }
    service = started;
    startupSettled.countDown();

    try {
      resetPassword(started, options.password);
    } catch (Throwable t) {
      service = null;
      shutDownQuietly(started);
      throw new LauncherFailure(
          EXIT_FAILURE,
          "could not set the password of user neo4j: " + rootMessage(t),
          t);
    }

    System.out.println(READY_MARKER + " bolt://" + hostForUri(options.host) + ":" + options.port);
    System.out.flush();
  }

  private static DatabaseManagementService buildService(Options options) throws IOException {
    Files.createDirectories(options.home.resolve("logs"));

    Map<org.neo4j.graphdb.config.Setting<?>, Object> settings = new HashMap<>();
    settings.put(BoltConnector.enabled, true);
    settings.put(BoltConnector.listen_address, new SocketAddress(options.host, options.port));
    settings.put(BoltConnector.advertised_address, new SocketAddress(options.host, options.port));
    // Local instance on loopback only; drivers use bolt:// without encryption.
    settings.put(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED);
    // The embedded edition starts no web server, but say so explicitly in case a setting ever
    // changes its default.
    settings.put(HttpConnector.enabled, false);
    settings.put(HttpsConnector.enabled, false);
    settings.put(GraphDatabaseSettings.auth_enabled, true);
    settings.put(GraphDatabaseSettings.pagecache_memory, options.pageCacheBytes);
    // A local instance needs no point-in-time recovery (that belongs to a production deployment
    // with backups), so it keeps one transaction log file instead of a week of them.
    settings.put(GraphDatabaseSettings.keep_logical_logs, "1 files");
    settings.put(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(16));
    // The memory all running transactions may hold together: keeps a runaway query from taking
    // the heap down with it, yet leaves room for a dataset's switch (README "Importing at scale").
    settings.put(
        GraphDatabaseSettings.memory_transaction_global_max_size, options.transactionMemoryBytes);
    // The time limit of every transaction that sets none itself (the API's reads set their own,
    // shorter one; the import sets 0 = none), so a forgotten limit cannot let a query run forever.
    settings.put(
        GraphDatabaseSettings.transaction_timeout,
        Duration.ofSeconds(options.transactionTimeoutSeconds));
    // Time limits are enforced by a monitor thread, every 2 s by default: a read limited to
    // QUERY_TIMEOUT_MS would run up to 2 s longer (and meanwhile fill transaction memory).
    settings.put(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(100));
    settings.put(GraphDatabaseSettings.logs_directory, options.home.resolve("logs"));
    // A developer's machine should not phone home; there is often no network to reach anyway.
    settings.put(GraphDatabaseSettings.udc_enabled, false);
    // Bolt otherwise waits 5 s twice on shutdown for its idle event loops, which makes every
    // `npm run db:stop` and test teardown 10 s slower. The stores are checkpointed and closed
    // before Bolt goes down, so cutting the wait short costs only a WARN line in debug.log
    // ("Termination of worker event loop group has exceeded maximum permitted duration").
    settings.put(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1));
    settings.put(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1));
    if (options.pluginsDir != null) {
      // Plugins (APOC core, with NEO4J_PLUGINS=apoc): their procedures and functions are loaded
      // from this folder. Their extensions (APOC's ApocConfig) are found only on the classpath,
      // where src/db/launcher/ has put the same jars; the folder alone fails the start with a
      // ComponentInjectionException for ApocConfig.
      settings.put(GraphDatabaseSettings.plugin_dir, options.pluginsDir);
      settings.put(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"));
    }

    return new DatabaseManagementServiceBuilder(options.home)
        .setConfig(settings)
        .setUserLogProvider(new Log4jLogProvider(System.out))
        .build();
  }

  /**
   * Makes the stored password match the configured one on every start, so a changed
   * NEO4J_PASSWORD never locks the developer out of their own local instance.
   */
  private static void resetPassword(DatabaseManagementService dbms, String password) {
    var system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
    // Its own limit: a short db.transaction.timeout on a slow machine must not stop the start.
    Duration limit = Duration.ofMinutes(2);
    try {
      system.executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED",
          Map.of("pw", password),
          result -> null,
          limit);
    } catch (RuntimeException e) {
      // Neo4j refuses to "change" a password to the value it already has; that is the normal
      // case on every start after the first, and only the change-required flag is left to clear.
      if (!isSamePasswordRefusal(e)) {
        throw e;
      }
      system.executeTransactionally(
          "ALTER USER neo4j SET PASSWORD CHANGE NOT REQUIRED", Map.of(), result -> null, limit);
    }
  }

  private static boolean isSamePasswordRefusal(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      String message = c.getMessage();
      if (message != null && message.contains("Old password and new password cannot be the same")) {
        return true;
      }
    }
    return false;
  }

  private static LauncherFailure classify(Throwable t, Options options) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof BindException) {
        return new LauncherFailure(
            EXIT_PORT_IN_USE,
            "Port "
                + options.port
                + " on "
                + options.host
                + " is already in use by another program; stop it or choose another port via"
                + " NEO4J_URI",
            t);
      }
      // Matched by name: the class has moved between packages across Neo4j releases.
      if (c.getClass().getSimpleName().equals("FileLockException")) {
        return new LauncherFailure(
            EXIT_STORE_LOCKED,
            "The database directory "
                + options.home
                + " is locked by another running Neo4j process; stop that process first (npm run"
                + " db:stop) or choose another NEO4J_DATA_DIR",
            t);
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return new LauncherFailure(EXIT_FAILURE, rootMessage(t), t);
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static void writeErrorLog(Path home, Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    try {
      Path logs = Files.createDirectories(home.resolve("logs"));
      Files.writeString(
          logs.resolve("launcher-error.log"),
          OffsetDateTime.now() + System.lineSeparator() + trace,
          StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException ignored) {
      // The one-line message on stderr is what matters; the trace is a bonus.
    }
  }

  private static void shutDownOnSignal() {
    try {
      if (!startupSettled.await(5, TimeUnit.MINUTES)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    DatabaseManagementService running = service;
    if (running == null) {
      // Exiting because start failed: keep the exit code chosen by main().
      return;
    }
    shutDownQuietly(running);
    System.out.println(STOPPED_MARKER + " Neo4j shut down cleanly");
    System.out.flush();
    // Without this the JVM reports 143 for SIGTERM, though stopping on request is success.
    Runtime.getRuntime().halt(0);
  }

  private static void shutDownQuietly(DatabaseManagementService dbms) {
    try {
      dbms.shutdown();
    } catch (RuntimeException e) {
      System.err.println("neo4j-launcher: error during shutdown: " + rootMessage(e));
    }
  }

  private static String hostForUri(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  static final class Options {
    static final String USAGE =
        "usage: NEO4J_PASSWORD=... java kommunalgraph.Neo4jLauncher --home <dir> --host <address>"
            + " --port <bolt port> --pagecache <size, e.g. 256m>"
            + " [--transaction-timeout <seconds, default 60>]"
            + " [--transaction-memory <size, default 256m>] [--plugins <plugin folder>]";

    final Path home;
    final String host;
    final int port;
    final long pageCacheBytes;
    final String password;
    final long transactionTimeoutSeconds;
    /** `db.memory.transaction.total.max`: what all transactions together may hold. */
    final long transactionMemoryBytes;
    /** Folder of plugin jars (already on the classpath), or null for none. */
    final Path pluginsDir;

    private Options(
        Path home,
        String host,
        int port,
        long pageCacheBytes,
        String password,
        long transactionTimeoutSeconds,
        long transactionMemoryBytes,
        Path pluginsDir) {
      this.home = home;
      this.host = host;
      this.port = port;
      this.pageCacheBytes = pageCacheBytes;
      this.password = password;
      this.transactionTimeoutSeconds = transactionTimeoutSeconds;
      this.transactionMemoryBytes = transactionMemoryBytes;
      this.pluginsDir = pluginsDir;
    }

    static Options parse(String[] args, String password) {
      Map<String, String> values = new HashMap<>();
      List<String> required = List.of("--home", "--host", "--port", "--pagecache");
      List<String> known =
          List.of(
              "--home",
              "--host",
              "--port",
              "--pagecache",
              "--transaction-timeout",
              "--transaction-memory",
              "--plugins");
      for (int i = 0; i < args.length; i += 2) {
        String name = args[i];
        if (!known.contains(name)) {
          throw new IllegalArgumentException("unknown argument " + name);
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value for " + name);
        }
        values.put(name, args[i + 1]);
      }
      for (String name : required) {
        if (values.get(name) == null || values.get(name).isBlank()) {
          throw new IllegalArgumentException("missing required argument " + name);
        }
      }
      if (password == null || password.isEmpty()) {
        throw new IllegalArgumentException("the environment variable NEO4J_PASSWORD is not set");
      }

      int port;
      try {
        port = Integer.parseInt(values.get("--port"));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--port must be a number, got " + values.get("--port"));
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("--port must be between 1 and 65535, got " + port);
      }

      long pageCache;
      try {
        pageCache = ByteUnit.parse(values.get("--pagecache"));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "--pagecache must be a size like 256m, got " + values.get("--pagecache"));
      }

      long transactionTimeout;
      String timeoutValue = values.getOrDefault("--transaction-timeout", "60");
      try {
        transactionTimeout = Long.parseLong(timeoutValue);
      } catch (NumberFormatException e) {
        transactionTimeout = -1;
      }
      if (transactionTimeout < 1) {
        throw new IllegalArgumentException(
            "--transaction-timeout must be a positive number of seconds, got " + timeoutValue);
      }

      long transactionMemory;
      String memoryValue = values.getOrDefault("--transaction-memory", "256m");
      try {
        transactionMemory = ByteUnit.parse(memoryValue);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "--transaction-memory must be a size like 256m, got " + memoryValue);
      }

      Path pluginsDir = null;
      String pluginsValue = values.get("--plugins");
      if (pluginsValue != null) {
        pluginsDir = Path.of(pluginsValue).toAbsolutePath().normalize();
        if (!Files.isDirectory(pluginsDir)) {
          throw new IllegalArgumentException("--plugins must be a folder, got " + pluginsValue);
        }
      }

      return new Options(
          Path.of(values.get("--home")).toAbsolutePath().normalize(),
          values.get("--host"),
          port,
          pageCache,
          password,
          transactionTimeout,
          transactionMemory,
          pluginsDir);
    }
  }
}
