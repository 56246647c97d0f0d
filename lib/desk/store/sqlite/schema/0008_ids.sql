-- desk store, version 8: an id is never given twice.
--
-- SQLite gives a new row the highest id in its table + 1, so deleting the
-- newest customer (merged into another), ticket (purged) or article handed
-- its id to the next one, and whatever still named the old id (events
-- "about customer:12", a subject access request, a script's memory) then
-- seemed to be about the new one. AUTOINCREMENT would prevent that but needs
-- each table rebuilt, with every table that refers to it; instead each
-- table's highest id ever is kept here, raised by a trigger on every insert
-- (desk's own and an import's given ids alike), and desk's inserts take the
-- next one (store/sqlite/*_sql.cpp). The ids of deleted rows are kept too,
-- so that an import, which keeps a file's ids when they are free, cannot
-- give one of them to someone else.
CREATE TABLE id_high_water (
  name TEXT PRIMARY KEY,  -- the table
  last INTEGER NOT NULL   -- the highest id it ever had
) WITHOUT ROWID;

CREATE TABLE id_retired (
  name TEXT NOT NULL,     -- the table
  id   INTEGER NOT NULL,  -- an id a deleted row had
  PRIMARY KEY (name, id)
) WITHOUT ROWID;

-- What a store made before this version still tells of its deleted rows:
-- customers named by the events about them (a merge or erasure), and
-- tickets named by the events that were theirs or by a purge.
INSERT INTO id_retired (name, id)
  SELECT DISTINCT 'customers', CAST(substr(subject, 10) AS INTEGER) FROM events
  WHERE subject LIKE 'customer:%' AND CAST(substr(subject, 10) AS INTEGER) > 0
    AND CAST(substr(subject, 10) AS INTEGER) NOT IN (SELECT id FROM customers);
INSERT OR IGNORE INTO id_retired (name, id)
  SELECT DISTINCT 'tickets', j.value
  FROM events e, json_each(CASE WHEN json_valid(e.data) THEN e.data ELSE '{}' END, '$.tickets') j
  WHERE e.kind = 'purged' AND j.type = 'integer' AND j.value NOT IN (SELECT id FROM tickets);

INSERT INTO id_high_water (name, last)
  SELECT 'customers', max(coalesce((SELECT max(id) FROM customers), 0),
                          coalesce((SELECT max(id) FROM id_retired WHERE name = 'customers'), 0))
  UNION ALL
  SELECT 'tickets', max(coalesce((SELECT max(id) FROM tickets), 0),
                        coalesce((SELECT max(ticket_id) FROM events), 0),
                        coalesce((SELECT max(id) FROM id_retired WHERE name = 'tickets'), 0))
  UNION ALL
  SELECT 'kb_articles', coalesce((SELECT max(id) FROM kb_articles), 0)
  UNION ALL
  SELECT 'events', coalesce((SELECT max(id) FROM events), 0);

CREATE TRIGGER customers_high_water AFTER INSERT ON customers BEGIN
  UPDATE id_high_water SET last = NEW.id WHERE name = 'customers' AND last < NEW.id;
END;
CREATE TRIGGER tickets_high_water AFTER INSERT ON tickets BEGIN
  UPDATE id_high_water SET last = NEW.id WHERE name = 'tickets' AND last < NEW.id;
END;
CREATE TRIGGER kb_articles_high_water AFTER INSERT ON kb_articles BEGIN
  UPDATE id_high_water SET last = NEW.id WHERE name = 'kb_articles' AND last < NEW.id;
END;
CREATE TRIGGER events_high_water AFTER INSERT ON events BEGIN
  UPDATE id_high_water SET last = NEW.id WHERE name = 'events' AND last < NEW.id;
END;

CREATE TRIGGER customers_retired AFTER DELETE ON customers BEGIN
  INSERT OR IGNORE INTO id_retired (name, id) VALUES ('customers', OLD.id);
END;
CREATE TRIGGER tickets_retired AFTER DELETE ON tickets BEGIN
  INSERT OR IGNORE INTO id_retired (name, id) VALUES ('tickets', OLD.id);
END;
CREATE TRIGGER kb_articles_retired AFTER DELETE ON kb_articles BEGIN
  INSERT OR IGNORE INTO id_retired (name, id) VALUES ('kb_articles', OLD.id);
END;
