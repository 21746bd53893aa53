package io.postflow.mailbox.persistence;

/**
 * How to read {@code message_body.parts} as the JSON text of the part table. Bodies stored before
 * the delivery upsert bound the table as text hold it as a JSON string whose value is the table;
 * both forms read the same.
 */
final class PartsColumn {

    static final String TEXT = "(CASE WHEN jsonb_typeof(b.parts) = 'string' THEN b.parts #>> '{}' ELSE b.parts::text END)";

    private PartsColumn() {
    }
}
