package io.postflow.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * A fresh PostgreSQL database on a real server, created for one test run and dropped afterwards.
 * The server comes from the environment: POSTFLOW_TEST_PG_HOST (127.0.0.1), POSTFLOW_TEST_PG_PORT
 * (5432), POSTFLOW_TEST_PG_USER (postgres), POSTFLOW_TEST_PG_PASSWORD (none: trust auth).
 */
public final class TestDatabase implements AutoCloseable {

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String name;

    private TestDatabase(String host, int port, String user, String password, String name) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    public static TestDatabase create() {
        String host = env("POSTFLOW_TEST_PG_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("POSTFLOW_TEST_PG_PORT", "5432"));
        String user = env("POSTFLOW_TEST_PG_USER", "postgres");
        String password = env("POSTFLOW_TEST_PG_PASSWORD", "");
        String name = "postflow_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        TestDatabase db = new TestDatabase(host, port, user, password, name);
        db.execute("CREATE DATABASE " + name);
        return db;
    }

    private static String env(String key, String fallback) {
        String value = System.getenv(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The URL form of the {@code postflow.db.url} key: {@code postgresql://host:port/db}. */
    public String url() {
        return "postgresql://" + host + ":" + port + "/" + name;
    }

    public String jdbcUrl() {
        return "jdbc:" + url();
    }

    public String name() {
        return name;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /**
     * Takes this database away as a server restart would, without touching the others on the
     * shared server: new connections are refused and every open one is terminated, until
     * {@link #restore()}.
     */
    public void cutOff() {
        execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
        execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
    }

    /** Lets connections to this database in again after {@link #cutOff()}. */
    public void restore() {
        execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
    }

    private void execute(String sql) {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5");
        String admin = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        // The driver directly, not DriverManager: DriverManager hands a driver only to the class loader that
        // registered it, and every Quarkus test application (a test profile) has a class loader of its own.
        try (Connection c = new org.postgresql.Driver().connect(admin, props); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            if ("08001".equals(e.getSQLState()) || "08004".equals(e.getSQLState())) {
                throw new IllegalStateException("No PostgreSQL server answers at " + host + ":" + port + " as user " + user
                        + " (" + e.getMessage() + "). Tests need a real server: start it "
                        + "(Debian: pg_ctlcluster --skip-systemctl-redirect 15 main start; `bash .ci/run` does this "
                        + "for you) or point POSTFLOW_TEST_PG_HOST / POSTFLOW_TEST_PG_PORT / POSTFLOW_TEST_PG_USER "
                        + "at one.", e);
            }
            throw new IllegalStateException("PostgreSQL: " + sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
