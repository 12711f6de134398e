/* migrate: applies schema/NNNN_name.sql in order, each in its own transaction, recording the
 * version and a checksum in schema_migrations; refuses a database newer than the files it knows.
 * Also loads the demo data (the .sql files in schema/demo, in one transaction). Serialized by an
 * advisory lock so two hosts cannot migrate at once. Never edits an applied migration: a changed
 * file is reported, not rerun. */
#ifndef CM_MIGRATE_H
#define CM_MIGRATE_H

#include <stdbool.h>

#include <libpq-fe.h>

/* The highest NNNN among schema_dir's migration files (0 if none). */
int migrate_known_version(const char *schema_dir);
/* The database's applied version (0 for a new database; -1 on error). */
int migrate_db_version(PGconn *conn);

int migrate_main(const char *config_path, bool status_only);
int demo_main(const char *config_path, bool reset);

#endif
