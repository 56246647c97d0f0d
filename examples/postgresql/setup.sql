-- A PostgreSQL database for desk, and the roles that use it (desk.toml(5),
-- POSTGRESQL). Run it once as a superuser, then make the store as its owner:
--
--   sudo -u postgres psql -f examples/postgresql/setup.sql
--   desk init --db postgresql://desk_owner@db.example.org/desk
--
-- or move an existing desk into it, history and ids as they are:
--
--   desk store copy desk.db postgresql://desk_owner@db.example.org/desk
--
-- Passwords are set apart (\password in psql) and kept in each user's
-- ~/.pgpass, never in desk.toml.

-- The owner makes the schema (desk init), runs migrations when a newer desk
-- first opens the store, and is the role for erasure and retention
-- (desk customer forget, desk purge, desk audit compact), which rewrite
-- events and the tables, and for desk restore and desk store copy into the
-- database, which empty and fill every table (TRUNCATE, which technicians
-- are never granted).
CREATE ROLE desk_owner LOGIN;
-- Byte order and UTF-8 whatever the server's locale: desk sorts and
-- compares text as a SQLite store does.
CREATE DATABASE desk OWNER desk_owner ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'
  TEMPLATE template0;

\connect desk
-- Only the owner creates tables; technicians use what desk init made.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT CREATE ON SCHEMA public TO desk_owner;

-- Technicians: every day's work, and no way to rewrite history. Run the
-- grants below again after desk init (and after an upgrade of desk), as the
-- owner, so that they cover the tables desk made.
CREATE ROLE desk_technicians NOLOGIN;
GRANT CONNECT ON DATABASE desk TO desk_technicians;
GRANT USAGE ON SCHEMA public TO desk_technicians;
-- Each technician logs in as themselves:
--   CREATE ROLE ann LOGIN IN ROLE desk_technicians;

-- As desk_owner, once the store exists:
--   GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public
--     TO desk_technicians;
--   REVOKE UPDATE, DELETE ON events FROM desk_technicians;
--   GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO desk_technicians;
