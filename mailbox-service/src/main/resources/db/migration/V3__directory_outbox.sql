-- Directory keys (canonical domain or address) changed by a committed transaction whose records on
-- the compacted topic directory.addresses are not yet confirmed. A row is written in the same
-- transaction as the change and deleted once Kafka acknowledged the key's current state, so a
-- crash or a Kafka outage between the commit and the publication is repaired by whichever instance
-- drains the table next. A republish of the live entries alone could never restore a lost
-- tombstone.
CREATE TABLE directory_outbox (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_key  TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX directory_outbox_age ON directory_outbox (created_at);

-- postmaster@<domain> falls back to the domain's oldest account: the first account by id, found
-- without sorting all the accounts of the domain. Covers every lookup the old index served.
CREATE INDEX account_domain_first ON account (domain_id, id);
DROP INDEX account_domain;
