-- The POP3 maildrop lock (RFC 1939 §8: the server acquires an exclusive-access lock on the maildrop
-- when a session enters the TRANSACTION state). One row per account while a POP3 session holds it.
-- The holding gateway renews expires_at while the session lives; a row past expires_at is free to
-- take, so the lock of a gateway that crashed goes away by itself. The token names one session:
-- renewal, release and the UPDATE-state deletions are refused to anyone else.
CREATE TABLE pop3_lease (
    account_id  BIGINT      PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    token       UUID        NOT NULL,
    holder      TEXT        NOT NULL,
    acquired_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at  TIMESTAMPTZ NOT NULL
);
