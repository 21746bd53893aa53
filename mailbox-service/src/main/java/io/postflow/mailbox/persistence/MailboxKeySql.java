package io.postflow.mailbox.persistence;

import io.postflow.mailbox.domain.mail.MailboxKey;

/**
 * The two forms of a statement that finds a mailbox by {@code id = $1}: by id as written, and by
 * name with the same condition on the name column. Both are fixed texts, so each is prepared once
 * per connection like any other statement.
 */
record MailboxKeySql(String byId, String byName) {

    private static final String ID = "id = $1";

    /** Both forms of {@code sql}, whose only {@code id = $1} is the mailbox condition. */
    static MailboxKeySql of(String sql) {
        int at = sql.indexOf(ID);
        if (at < 0 || sql.indexOf(ID, at + 1) >= 0) {
            throw new IllegalArgumentException("a mailbox statement needs exactly one \"" + ID + "\": " + sql);
        }
        return new MailboxKeySql(sql, sql.substring(0, at) + "name = $1" + sql.substring(at + ID.length()));
    }

    String of(MailboxKey key) {
        return key.byName() ? byName : byId;
    }
}
