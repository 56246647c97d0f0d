-- desk store, version 3: the knowledge base. Articles (how-tos, FAQs and
-- known errors), every version of each, their links to tickets, and two
-- full-text indexes over them.
-- Times are whole seconds since the Unix epoch, UTC, everywhere.

-- The current version of each article.
CREATE TABLE kb_articles (
  id           INTEGER PRIMARY KEY,
  uid          TEXT NOT NULL UNIQUE,       -- stable across stores: export/import match on it
  kind         TEXT NOT NULL,              -- how-to | faq | known-error
  state        TEXT NOT NULL,              -- draft | published | retired
  title        TEXT NOT NULL,
  body         TEXT NOT NULL DEFAULT '',   -- Markdown
  symptom      TEXT NOT NULL DEFAULT '',   -- known errors only
  cause        TEXT NOT NULL DEFAULT '',
  workaround   TEXT NOT NULL DEFAULT '',
  fix_status   TEXT NOT NULL DEFAULT '',   -- known errors: open | in-progress | fixed | wont-fix
  category     TEXT NOT NULL DEFAULT '',
  service      TEXT NOT NULL DEFAULT '',
  tags         TEXT NOT NULL DEFAULT '',   -- space-separated, sorted; kb_article_tags indexes them
  author       TEXT NOT NULL,
  version      INTEGER NOT NULL,           -- the latest row of kb_versions
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  published_at INTEGER,
  retired_at   INTEGER
);
-- Keyed by id and holding what searches and lists filter on, so a search
-- can filter the thousands of articles a broad query finds without reading
-- their rows, which their text makes wide.
CREATE INDEX kb_articles_filter ON kb_articles (id, state, kind, category, service, author);
CREATE INDEX kb_articles_updated ON kb_articles (updated_at);

CREATE TABLE kb_article_tags (
  article_id INTEGER NOT NULL REFERENCES kb_articles (id),
  tag        TEXT NOT NULL,
  PRIMARY KEY (article_id, tag)
) WITHOUT ROWID;
CREATE INDEX kb_article_tags_tag ON kb_article_tags (tag);

-- Every change to an article is a numbered version holding the whole
-- article as it was after the change: `desk kb show ID --version N`.
CREATE TABLE kb_versions (
  id           INTEGER PRIMARY KEY,
  article_id   INTEGER NOT NULL REFERENCES kb_articles (id),
  version      INTEGER NOT NULL,
  at           INTEGER NOT NULL,
  actor        TEXT NOT NULL,
  action       TEXT NOT NULL,              -- created | edited | published | retired | imported
  changed      TEXT NOT NULL DEFAULT '',   -- the fields it changed, comma-separated
  note         TEXT NOT NULL DEFAULT '',   -- why (kb edit -m)
  kind         TEXT NOT NULL,
  state        TEXT NOT NULL,
  title        TEXT NOT NULL,
  body         TEXT NOT NULL,
  symptom      TEXT NOT NULL,
  cause        TEXT NOT NULL,
  workaround   TEXT NOT NULL,
  fix_status   TEXT NOT NULL,
  category     TEXT NOT NULL,
  service      TEXT NOT NULL,
  tags         TEXT NOT NULL,
  author       TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  published_at INTEGER,
  retired_at   INTEGER,
  UNIQUE (article_id, version)
);

-- Which tickets an article helped with: linked by `desk kb link` (or drafted
-- from, by `kb add --from-ticket`), and resolved by `desk resolve --kb`.
-- An article's use count is the number of tickets it resolved.
CREATE TABLE kb_links (
  article_id  INTEGER NOT NULL REFERENCES kb_articles (id),
  ticket_id   INTEGER NOT NULL REFERENCES tickets (id),
  linked_at   INTEGER NOT NULL,
  actor       TEXT NOT NULL,
  resolved_at INTEGER,
  PRIMARY KEY (article_id, ticket_id)
) WITHOUT ROWID;
CREATE INDEX kb_links_ticket ON kb_links (ticket_id);

-- Full-text search. Both indexes read the same text (external content: the
-- text is stored once, in kb_articles) in three columns ranked with
-- different weights: the title, the Markdown body, and the rest (a known
-- error's symptom, cause and workaround, and the tags).
--   kb_words:   whole words and word prefixes, any case, accents ignored
--               ("Принтер" finds "принтер", "resume" finds "résumé").
--   kb_trigram: any run of three or more characters, so a part of a word
--               glued into a longer one is found ("warteschlange" in
--               "Druckerwarteschlange"), and text without spaces (CJK).
CREATE VIEW kb_search_text (id, title, body, extra) AS
  SELECT id, title, body, symptom || ' ' || cause || ' ' || workaround || ' ' || tags
  FROM kb_articles;

CREATE VIRTUAL TABLE kb_words USING fts5 (
  title, body, extra,
  content = 'kb_search_text', content_rowid = 'id',
  tokenize = "unicode61 remove_diacritics 2"
);
CREATE VIRTUAL TABLE kb_trigram USING fts5 (
  title, body, extra,
  content = 'kb_search_text', content_rowid = 'id',
  tokenize = "trigram"
);
-- How many articles hold each word: `kb suggest` leaves out the words too
-- common to tell articles apart.
CREATE VIRTUAL TABLE kb_words_vocab USING fts5vocab (kb_words, 'row');

-- The indexes follow kb_articles in the same transaction. The text given to
-- 'delete' must be exactly the text indexed, hence the one expression.
CREATE TRIGGER kb_articles_insert AFTER INSERT ON kb_articles BEGIN
  INSERT INTO kb_words (rowid, title, body, extra)
    VALUES (new.id, new.title, new.body,
            new.symptom || ' ' || new.cause || ' ' || new.workaround || ' ' || new.tags);
  INSERT INTO kb_trigram (rowid, title, body, extra)
    VALUES (new.id, new.title, new.body,
            new.symptom || ' ' || new.cause || ' ' || new.workaround || ' ' || new.tags);
END;

CREATE TRIGGER kb_articles_delete AFTER DELETE ON kb_articles BEGIN
  INSERT INTO kb_words (kb_words, rowid, title, body, extra)
    VALUES ('delete', old.id, old.title, old.body,
            old.symptom || ' ' || old.cause || ' ' || old.workaround || ' ' || old.tags);
  INSERT INTO kb_trigram (kb_trigram, rowid, title, body, extra)
    VALUES ('delete', old.id, old.title, old.body,
            old.symptom || ' ' || old.cause || ' ' || old.workaround || ' ' || old.tags);
END;

CREATE TRIGGER kb_articles_update
AFTER UPDATE OF title, body, symptom, cause, workaround, tags ON kb_articles BEGIN
  INSERT INTO kb_words (kb_words, rowid, title, body, extra)
    VALUES ('delete', old.id, old.title, old.body,
            old.symptom || ' ' || old.cause || ' ' || old.workaround || ' ' || old.tags);
  INSERT INTO kb_trigram (kb_trigram, rowid, title, body, extra)
    VALUES ('delete', old.id, old.title, old.body,
            old.symptom || ' ' || old.cause || ' ' || old.workaround || ' ' || old.tags);
  INSERT INTO kb_words (rowid, title, body, extra)
    VALUES (new.id, new.title, new.body,
            new.symptom || ' ' || new.cause || ' ' || new.workaround || ' ' || new.tags);
  INSERT INTO kb_trigram (rowid, title, body, extra)
    VALUES (new.id, new.title, new.body,
            new.symptom || ' ' || new.cause || ' ' || new.workaround || ' ' || new.tags);
END;
