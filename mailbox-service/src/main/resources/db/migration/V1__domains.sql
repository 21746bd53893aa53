-- Local mail domains. The name is the canonical A-label form (lower case), so lookups are exact.
CREATE TABLE domain (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       VARCHAR(253) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT domain_name_unique UNIQUE (name),
    CONSTRAINT domain_name_lower CHECK (name = lower(name))
);
