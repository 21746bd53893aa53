-- The mail store: directory (accounts, aliases), mailboxes, single-instance message bodies and the
-- per-mailbox entries that IMAP and POP3 read. Every access path of the gateway has an index.

-- Substring SEARCH (IMAP SEARCH SUBJECT/FROM/BODY/TEXT...) with trigram GIN indexes.
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE account (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    domain_id     BIGINT       NOT NULL REFERENCES domain (id),
    -- Canonical lookup key (MailAddress.key()): lower-case local part @ A-label domain.
    address       VARCHAR(254) NOT NULL,
    -- PHC string of an Argon2id hash; never the password or anything reversible.
    password_hash TEXT         NOT NULL,
    quota_bytes   BIGINT,                 -- null: no limit
    used_bytes    BIGINT       NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT account_address_unique UNIQUE (address),
    CONSTRAINT account_quota_positive CHECK (quota_bytes IS NULL OR quota_bytes >= 0),
    CONSTRAINT account_used_positive CHECK (used_bytes >= 0)
);
CREATE INDEX account_domain ON account (domain_id);

CREATE TABLE alias (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    domain_id  BIGINT       NOT NULL REFERENCES domain (id),
    address    VARCHAR(254) NOT NULL,
    -- Canonical addresses: local accounts or remote mailboxes; relay-worker expands them.
    targets    TEXT[]       NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT alias_address_unique UNIQUE (address),
    CONSTRAINT alias_has_targets CHECK (cardinality(targets) > 0)
);
CREATE INDEX alias_domain ON alias (domain_id);

CREATE TABLE mailbox (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id       BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    -- Full hierarchical name in UTF-8 with '/' as delimiter; the gateway maps modified UTF-7.
    name             TEXT        NOT NULL,
    special_use      VARCHAR(16),           -- \Sent, \Drafts, \Trash, \Junk, \Archive (RFC 6154)
    subscribed       BOOLEAN     NOT NULL DEFAULT TRUE,
    uidvalidity      BIGINT      NOT NULL,
    uidnext          BIGINT      NOT NULL DEFAULT 1,
    highestmodseq    BIGINT      NOT NULL DEFAULT 1,
    -- First UID no session has yet claimed as \Recent (RFC 3501 §2.3.2).
    first_recent_uid BIGINT      NOT NULL DEFAULT 1,
    -- Counters kept in the same transactions as the entries, so STATUS never counts rows.
    message_count    INTEGER     NOT NULL DEFAULT 0,
    unseen_count     INTEGER     NOT NULL DEFAULT 0,
    size_bytes       BIGINT      NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT mailbox_name_unique UNIQUE (account_id, name),
    CONSTRAINT mailbox_uidvalidity_range CHECK (uidvalidity BETWEEN 1 AND 4294967295),
    CONSTRAINT mailbox_uidnext_range CHECK (uidnext BETWEEN 1 AND 4294967296)
);
-- UIDVALIDITY must change when a name is reused (RFC 3501 §2.3.1.1): one sequence, never reused.
CREATE SEQUENCE mailbox_uidvalidity START WITH 1 MAXVALUE 4294967295;

-- Each distinct content once (SHA-256 of the bytes as accepted), whatever the number of entries.
CREATE TABLE message_body (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sha256             BYTEA       NOT NULL,
    content            BYTEA       NOT NULL,
    size               INTEGER     NOT NULL,
    -- Precomputed at delivery with Apache Mime4j, so reads never re-parse the message.
    header_size        INTEGER     NOT NULL, -- bytes of the header, blank line included
    body_lines         INTEGER     NOT NULL,
    envelope           TEXT        NOT NULL, -- IMAP ENVELOPE, ready to send
    body_structure     TEXT        NOT NULL, -- IMAP BODYSTRUCTURE (extensible form)
    body_basic         TEXT        NOT NULL, -- IMAP BODY (non-extensible form)
    parts              JSONB       NOT NULL, -- section -> byte offsets, for BODY[1.2.MIME] etc.
    sent_date          TIMESTAMPTZ,          -- Date: header, for SEARCH SENTBEFORE / SORT
    subject            TEXT,
    from_text          TEXT,
    to_text            TEXT,
    cc_text            TEXT,
    bcc_text           TEXT,
    message_id         TEXT,
    header_text        TEXT        NOT NULL, -- unfolded header, for SEARCH HEADER / TEXT
    body_text          TEXT        NOT NULL, -- decoded text parts (bounded), for SEARCH BODY / TEXT
    ref_count          INTEGER     NOT NULL DEFAULT 0,
    -- Set when ref_count reaches 0; the sweeper deletes only after a grace period (RFC 2180 §4.1),
    -- because a session may still be fetching the body of a message expunged elsewhere.
    unreferenced_since TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT message_body_sha256_unique UNIQUE (sha256)
);
-- Stored uncompressed out of line, so byte ranges (BODY[]<offset.length>) read only their slices.
ALTER TABLE message_body ALTER COLUMN content SET STORAGE EXTERNAL;
CREATE INDEX message_body_sweep ON message_body (unreferenced_since) WHERE unreferenced_since IS NOT NULL;
CREATE INDEX message_body_subject_trgm ON message_body USING gin (subject gin_trgm_ops);
CREATE INDEX message_body_from_trgm ON message_body USING gin (from_text gin_trgm_ops);
CREATE INDEX message_body_to_trgm ON message_body USING gin (to_text gin_trgm_ops);
CREATE INDEX message_body_cc_trgm ON message_body USING gin (cc_text gin_trgm_ops);
CREATE INDEX message_body_header_trgm ON message_body USING gin (header_text gin_trgm_ops);
CREATE INDEX message_body_text_trgm ON message_body USING gin (body_text gin_trgm_ops);

-- One message in one mailbox. The bytes served are prefix || body content.
CREATE TABLE mailbox_message (
    mailbox_id    BIGINT      NOT NULL REFERENCES mailbox (id) ON DELETE CASCADE,
    uid           BIGINT      NOT NULL,
    body_id       BIGINT      NOT NULL REFERENCES message_body (id),
    -- This entry's own trace fields (Return-Path:, Delivered-To:), served before the body.
    prefix        BYTEA       NOT NULL,
    size          INTEGER     NOT NULL, -- RFC822.SIZE = prefix + body
    -- System flags as bits: 1 \Seen, 2 \Answered, 4 \Flagged, 8 \Deleted, 16 \Draft.
    flags         SMALLINT    NOT NULL DEFAULT 0,
    keywords      TEXT[]      NOT NULL DEFAULT '{}',
    modseq        BIGINT      NOT NULL,
    internal_date TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (mailbox_id, uid)
);
CREATE INDEX mailbox_message_modseq ON mailbox_message (mailbox_id, modseq);
CREATE INDEX mailbox_message_body ON mailbox_message (body_id);
CREATE INDEX mailbox_message_internal_date ON mailbox_message (mailbox_id, internal_date);
CREATE INDEX mailbox_message_unseen ON mailbox_message (mailbox_id, uid) WHERE flags & 1 = 0;

-- Expunged UIDs with the MODSEQ of their removal, for "what changed since MODSEQ n" (RFC 7162).
CREATE TABLE mailbox_expunged (
    mailbox_id BIGINT NOT NULL REFERENCES mailbox (id) ON DELETE CASCADE,
    uid        BIGINT NOT NULL,
    modseq     BIGINT NOT NULL,
    PRIMARY KEY (mailbox_id, uid)
);
CREATE INDEX mailbox_expunged_modseq ON mailbox_expunged (mailbox_id, modseq);

-- Idempotent delivery: one row per (trace id, account), kept after the entry is expunged, so a
-- redelivered mail.deliver record never makes a second copy.
CREATE TABLE delivery (
    trace_id     VARCHAR(64) NOT NULL,
    account_id   BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    mailbox_id   BIGINT      NOT NULL,
    uid          BIGINT      NOT NULL,
    modseq       BIGINT      NOT NULL,
    delivered_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (trace_id, account_id)
);
CREATE INDEX delivery_age ON delivery (delivered_at);
