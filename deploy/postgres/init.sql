-- Runs once, when the docker-compose postgres container initialises an empty data volume (as the superuser).
-- Creates the two application roles and the database:
--   dp_owner owns the database and its tables; the app runs migrations as it.
--   dp_app is what the app connects as at run time; it must not bypass row-level security.
-- The passwords are hard-coded for the local docker-compose stack only (they match docker-compose.yml);
-- never reuse them for a real deployment.
CREATE ROLE dp_owner LOGIN PASSWORD 'dp_owner';
CREATE ROLE dp_app LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD 'dp_app';
CREATE DATABASE dualprevention OWNER dp_owner;
-- PostGIS for site plans' zones (ADR 0028): not a trusted extension, so the superuser creates it here.
\connect dualprevention
CREATE EXTENSION IF NOT EXISTS postgis;
