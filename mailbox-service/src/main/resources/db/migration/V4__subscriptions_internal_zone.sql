-- Subscriptions are names, not mailboxes (RFC 3501 §6.3.6): a name stays subscribed when its
-- mailbox is deleted ("the server MUST NOT unilaterally remove an existing mailbox name from the
-- subscription list even if a mailbox by that name no longer exists"), and may be subscribed again
-- by a mailbox created later under the same name. RENAME moves the subscriptions of the renamed
-- names (README "Subscriptions").
CREATE TABLE subscription (
    account_id BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    -- Canonical name (MailboxNames.canonical): UTF-8, '/' as delimiter, INBOX upper case.
    name       TEXT   NOT NULL,
    PRIMARY KEY (account_id, name)
);
INSERT INTO subscription (account_id, name) SELECT account_id, name FROM mailbox WHERE subscribed;
ALTER TABLE mailbox DROP COLUMN subscribed;

-- The zone offset of an APPEND's date-time (RFC 3501 §6.3.11), in seconds east of UTC, so
-- INTERNALDATE is answered in the zone the client gave. Null: the server's zone (delivered mail,
-- APPEND without a date).
ALTER TABLE mailbox_message ADD COLUMN internal_zone INTEGER
    CONSTRAINT mailbox_message_internal_zone_range CHECK (internal_zone BETWEEN -64800 AND 64800);
