package io.postflow.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Read-only looks into mailbox-service's database ({@code postflow.db.url}): a mailbox's id by
 * account and name, and its message count, to know when a fill through mail.deliver is complete.
 */
final class MailboxDatabase implements AutoCloseable {

    private final Connection connection;

    private MailboxDatabase(Connection connection) {
        this.connection = connection;
    }

    /** The database mailctl gives mailbox-service: POSTFLOW_DB_URL, POSTFLOW_DB_USERNAME, POSTFLOW_DB_PASSWORD. */
    static MailboxDatabase fromEnvironment(BenchOptions options) throws SQLException {
        String url = options.text("db-url", "POSTFLOW_DB_URL", "postgresql://127.0.0.1:5432/postflow");
        Properties properties = new Properties();
        properties.setProperty("user", options.text("db-user", "POSTFLOW_DB_USERNAME", "postgres"));
        String password = options.text("db-password", "POSTFLOW_DB_PASSWORD", null);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return new MailboxDatabase(DriverManager.getConnection("jdbc:" + url, properties));
    }

    long mailboxId(String address, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT m.id FROM mailbox m JOIN account a ON a.id = m.account_id WHERE a.address = ? AND m.name = ?")) {
            statement.setString(1, address);
            statement.setString(2, name);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no mailbox " + name + " of " + address);
                }
                return rows.getLong(1);
            }
        }
    }

    int messageCount(long mailboxId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT message_count FROM mailbox WHERE id = ?")) {
            statement.setLong(1, mailboxId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
