-- The expunge log is pruned after a retention period (ExpungeLogPruner). Rows already there get the
-- migration's time, so they are kept for one full retention period from now.
ALTER TABLE mailbox_expunged ADD COLUMN expunged_at TIMESTAMPTZ NOT NULL DEFAULT now();
CREATE INDEX mailbox_expunged_age ON mailbox_expunged (expunged_at);

-- The highest MODSEQ of a pruned expunge of this mailbox: "changes since MODSEQ n" with n below it
-- could no longer list every expunge after n, so it is refused rather than answered incompletely.
ALTER TABLE mailbox ADD COLUMN expunge_pruned_modseq BIGINT NOT NULL DEFAULT 0;
