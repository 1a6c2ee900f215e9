/* sa-journal-db.c — the journal's SQLite database: schema, opening (and
 * keeping a damaged or newer file aside), reading and writing hand-offs
 *
 * Called from the journal's worker, one thread at a time (sa-journal.c holds
 * the lock); never from the UI thread. The file is in WAL mode with foreign
 * keys on and a busy timeout, so that a second instance of the app waits for
 * the first instead of failing or damaging it; every change is one
 * transaction (BEGIN IMMEDIATE, so two writers queue instead of deadlocking).
 * Times are kept as ISO 8601 text in UTC, enumerations by their nicks.
 *
 * Schema version 1 (PRAGMA user_version):
 *   hand_offs (id, procedure, subject, state, slot, account_pending,
 *              <one column per SaHandOffField>, user_emails (one per line),
 *              created, handed_off, last_checked, notices)
 *   observations (id, hand_off_id → hand_offs ON DELETE CASCADE, kind, seen,
 *                 domain, virtual_account, quantity, text)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include "sa-journal.h"
#include "sa-journal-db-private.h"

/* Milliseconds a connection waits for another instance's transaction. */
#define BUSY_TIMEOUT_MS 5000


/* The columns domain … account_id hold the SaHandOffFields, in the order of
 * the enumeration (bind_hand_off(), read_hand_off()). */
G_STATIC_ASSERT (SA_HAND_OFF_N_FIELDS == 9);

static const char schema_v1[] =
  "CREATE TABLE IF NOT EXISTS hand_offs ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  procedure TEXT NOT NULL,"
  "  subject TEXT NOT NULL,"
  "  state TEXT NOT NULL,"
  "  slot TEXT NOT NULL DEFAULT 'none',"
  "  account_pending INTEGER NOT NULL DEFAULT 0,"
  "  domain TEXT,"
  "  account_name TEXT,"
  "  virtual_account TEXT,"
  "  intended_virtual_account TEXT,"
  "  customer_email TEXT,"
  "  note_to_customer TEXT,"
  "  note_to_users TEXT,"
  "  reason TEXT,"
  "  account_id TEXT,"
  "  user_emails TEXT,"
  "  created TEXT NOT NULL,"
  "  handed_off TEXT,"
  "  last_checked TEXT,"
  "  notices INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX IF NOT EXISTS hand_offs_subject ON hand_offs (subject);"
  "CREATE INDEX IF NOT EXISTS hand_offs_state ON hand_offs (state);"
  "CREATE TABLE IF NOT EXISTS observations ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  hand_off_id INTEGER NOT NULL REFERENCES hand_offs (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL,"
  "  seen TEXT NOT NULL,"
  "  domain TEXT,"
  "  virtual_account TEXT,"
  "  quantity INTEGER NOT NULL DEFAULT 0,"
  "  text TEXT"
  ");"
  "CREATE INDEX IF NOT EXISTS observations_hand_off ON observations (hand_off_id);";


/* ------------------------------------------------------------------------ */
/* Errors */

static gboolean
rc_is_corrupt (int rc)
{
  return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
}

/**
 * sa_journal_db_error:
 * @self: a connection
 * @rc: an SQLite result code
 * @what: the statement or step that failed, for the debug log
 *
 * The journal's error for an SQLite failure; SQLite's own text is only
 * logged. Damage found after opening is %SA_JOURNAL_ERROR_FAILED here: the
 * next start keeps the file aside (quick_check).
 *
 * Returns: (transfer full): %SA_JOURNAL_ERROR_BUSY (another instance held the
 *   file past the busy timeout) or %SA_JOURNAL_ERROR_FAILED
 */
GError *
sa_journal_db_error (SaJournalDb *self,
                     int          rc,
                     const char  *what)
{
  g_autofree char *detail = g_strdup_printf ("%s: %s (%d)", what,
                                             self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc),
                                             rc);

  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    return sa_journal_error_new (SA_JOURNAL_ERROR_BUSY, self->path, detail);
  return sa_journal_error_new (SA_JOURNAL_ERROR_FAILED, self->path, detail);
}

/**
 * sa_journal_db_exec:
 * @self: a connection
 * @sql: statements without parameters
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE when they ran; otherwise %FALSE with sa_journal_db_error()'s
 */
gboolean
sa_journal_db_exec (SaJournalDb  *self,
                    const char   *sql,
                    GError      **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      g_propagate_error (error, sa_journal_db_error (self, rc, sql));
      return FALSE;
    }
  return TRUE;
}

/**
 * sa_journal_db_prepare:
 * @self: a connection
 * @sql: one statement
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the prepared statement (free with
 *   sqlite3_finalize(), or g_autoptr); %NULL with sa_journal_db_error()'s
 */
sqlite3_stmt *
sa_journal_db_prepare (SaJournalDb  *self,
                       const char   *sql,
                       GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      g_propagate_error (error, sa_journal_db_error (self, rc, sql));
      return NULL;
    }
  return stmt;
}

/* Runs a statement that returns no rows. */
static gboolean
step_done (SaJournalDb   *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      g_propagate_error (error, sa_journal_db_error (self, rc, sqlite3_sql (stmt)));
      return FALSE;
    }
  return TRUE;
}

/* A write transaction: taken at once, so two writers queue (busy timeout)
 * instead of deadlocking on a lock upgrade. */
static gboolean
begin (SaJournalDb  *self,
       GError      **error)
{
  return sa_journal_db_exec (self, "BEGIN IMMEDIATE", error);
}

/**
 * sa_journal_db_commit:
 * @self: a connection in a transaction
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE when committed; otherwise %FALSE with sa_journal_db_error()'s
 */
gboolean
sa_journal_db_commit (SaJournalDb  *self,
                      GError      **error)
{
  return sa_journal_db_exec (self, "COMMIT", error);
}

/**
 * sa_journal_db_rollback:
 * @self: a connection
 *
 * Rolls back the transaction under way, if any (after a failed step).
 */
void
sa_journal_db_rollback (SaJournalDb *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* ------------------------------------------------------------------------ */
/* Values */

static char *
format_time (GDateTime *when)
{
  g_autoptr(GDateTime) utc = NULL;

  if (when == NULL)
    return NULL;

  utc = g_date_time_new_from_unix_utc (g_date_time_to_unix (when));
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * sa_journal_db_parse_time:
 * @text: (nullable): a time as the journal keeps it (ISO 8601, UTC)
 *
 * Returns: (transfer full) (nullable): the time, or %NULL
 */
GDateTime *
sa_journal_db_parse_time (const unsigned char *text)
{
  if (text == NULL)
    return NULL;
  return g_date_time_new_from_iso8601 ((const char *) text, NULL);
}

/**
 * sa_journal_db_bind_text:
 * @stmt: a statement
 * @index: the parameter, from 1
 * @text: (nullable): the value; %NULL binds SQL NULL
 *
 * Binds a copy of @text.
 */
void
sa_journal_db_bind_text (sqlite3_stmt *stmt,
                         int           index,
                         const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_time (sqlite3_stmt *stmt,
           int           index,
           GDateTime    *when)
{
  g_autofree char *text = format_time (when);

  sa_journal_db_bind_text (stmt, index, text);
}

/**
 * sa_journal_db_column_text:
 * @stmt: a statement on a row
 * @index: the column, from 0
 *
 * Returns: (transfer none) (nullable): the column's text, valid until the
 *   next step
 */
const char *
sa_journal_db_column_text (sqlite3_stmt *stmt,
                           int           index)
{
  return (const char *) sqlite3_column_text (stmt, index);
}

/* ------------------------------------------------------------------------ */
/* Opening */

/* What the file turned out to be. */
typedef enum
{
  FILE_OK,
  FILE_CORRUPT,
  FILE_TOO_NEW,
  FILE_UNAVAILABLE,
} FileVerdict;

static gboolean
single_text_query (SaJournalDb  *self,
                   const char   *sql,
                   char        **text,
                   int          *rc_out)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  *rc_out = rc;
  if (rc != SQLITE_ROW)
    return FALSE;

  *text = g_strdup (sa_journal_db_column_text (stmt, 0));
  return TRUE;
}

static int
count_tables (SaJournalDb *self,
              gboolean     ours,
              int         *rc_out)
{
  g_autofree char *text = NULL;
  const char *sql = ours
    ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('hand_offs', 'observations')"
    : "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
      " AND name NOT IN ('hand_offs', 'observations')";

  if (!single_text_query (self, sql, &text, rc_out))
    return -1;
  return (int) g_ascii_strtoll (text != NULL ? text : "0", NULL, 10);
}

static FileVerdict
verdict_for_rc (int rc)
{
  return rc_is_corrupt (rc) ? FILE_CORRUPT : FILE_UNAVAILABLE;
}

/* Opens the file at self->path and makes sure it is a journal this build
 * can use, creating the schema in a new file. */
static FileVerdict
open_file (SaJournalDb  *self,
           GError      **error)
{
  g_autofree char *text = NULL;
  int rc;
  int version;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_propagate_error (error, sa_journal_error_new (SA_JOURNAL_ERROR_UNAVAILABLE, self->path,
                                                      sqlite3_errstr (rc)));
      return FILE_UNAVAILABLE;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* Not a database at all shows here first (SQLITE_NOTADB). */
  if (!single_text_query (self, "PRAGMA journal_mode = WAL", &text, &rc) ||
      g_ascii_strcasecmp (text, "wal") != 0)
    {
      if (rc == SQLITE_ROW)
        rc = SQLITE_CANTOPEN;
      g_propagate_error (error, sa_journal_db_error (self, rc, "journal_mode"));
      return verdict_for_rc (rc);
    }
  g_clear_pointer (&text, g_free);

  if (!sa_journal_db_exec (self, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL", error))
    return FILE_UNAVAILABLE;

  if (!single_text_query (self, "PRAGMA user_version", &text, &rc))
    {
      g_propagate_error (error, sa_journal_db_error (self, rc, "user_version"));
      return verdict_for_rc (rc);
    }
  version = (int) g_ascii_strtoll (text != NULL ? text : "0", NULL, 10);
  g_clear_pointer (&text, g_free);

  if (version > SA_JOURNAL_SCHEMA_VERSION)
    {
      g_set_error (error, SA_JOURNAL_ERROR, SA_JOURNAL_ERROR_TOO_NEW, "schema version %d", version);
      return FILE_TOO_NEW;
    }

  if (!single_text_query (self, "PRAGMA quick_check", &text, &rc))
    {
      g_propagate_error (error, sa_journal_db_error (self, rc, "quick_check"));
      return verdict_for_rc (rc);
    }
  if (g_strcmp0 (text, "ok") != 0)
    {
      g_set_error (error, SA_JOURNAL_ERROR, SA_JOURNAL_ERROR_CORRUPT, "quick_check: %s", text);
      return FILE_CORRUPT;
    }

  if (version == 0)
    {
      /* A new file, or another app's database: ours only when empty. Another
       * instance may be creating the schema at the same moment: the
       * transaction makes one of them wait, and IF NOT EXISTS the other a
       * no-op. */
      if (count_tables (self, FALSE, &rc) != 0)
        {
          g_set_error_literal (error, SA_JOURNAL_ERROR, SA_JOURNAL_ERROR_CORRUPT, "not a journal");
          return rc == SQLITE_ROW ? FILE_CORRUPT : verdict_for_rc (rc);
        }
      if (!begin (self, error))
        return FILE_UNAVAILABLE;
      if (!sa_journal_db_exec (self, schema_v1, error) ||
          !sa_journal_db_exec (self, "PRAGMA user_version = 1", error) ||
          !sa_journal_db_commit (self, error))
        {
          sa_journal_db_rollback (self);
          return FILE_UNAVAILABLE;
        }
    }
  else if (count_tables (self, TRUE, &rc) != 2)
    {
      g_set_error_literal (error, SA_JOURNAL_ERROR, SA_JOURNAL_ERROR_CORRUPT, "tables missing");
      return FILE_CORRUPT;
    }

  return FILE_OK;
}

static void
close_file (SaJournalDb *self)
{
  g_clear_pointer (&self->db, sqlite3_close_v2);
}

/* Renames the file (and its -wal and -shm companions) to
 * "<path>.<reason>-<UTC time>", never overwriting. */
static char *
keep_aside (const char  *path,
            const char  *reason,
            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *kept = NULL;

  for (guint n = 0; kept == NULL || g_file_test (kept, G_FILE_TEST_EXISTS); n++)
    {
      g_free (kept);
      kept = n == 0 ? g_strdup_printf ("%s.%s-%s", path, reason, stamp)
                    : g_strdup_printf ("%s.%s-%s-%u", path, reason, stamp, n);
    }

  if (g_rename (path, kept) != 0)
    {
      int saved = errno;

      g_propagate_error (error, sa_journal_error_new (SA_JOURNAL_ERROR_UNAVAILABLE, path,
                                                      g_strerror (saved)));
      return NULL;
    }

  for (guint i = 0; i < 2; i++)
    {
      const char *suffix = i == 0 ? "-wal" : "-shm";
      g_autofree char *from = g_strconcat (path, suffix, NULL);
      g_autofree char *to = g_strconcat (kept, suffix, NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        g_debug ("Journal: could not keep %s aside: %s", from, g_strerror (errno));
    }

  return g_steal_pointer (&kept);
}

/**
 * sa_journal_db_open:
 * @path: the database file
 * @report: (out) (optional): set when the old file was kept aside
 * @kept_aside_path: (out) (optional): the kept file's name, then
 * @error: return location for a #GError, or %NULL
 *
 * Opens the journal (the folder, the file and the schema are created as
 * needed). A file that is damaged, not a journal, or written by a newer
 * version (PRAGMA user_version above %SA_JOURNAL_SCHEMA_VERSION) is renamed
 * with the time and a fresh journal is started: never silently dropped.
 *
 * Returns: (transfer full) (nullable): the connection; %NULL with
 *   %SA_JOURNAL_ERROR_UNAVAILABLE or %SA_JOURNAL_ERROR_BUSY
 */
SaJournalDb *
sa_journal_db_open (const char  *path,
                    GError     **report,
                    char       **kept_aside_path,
                    GError     **error)
{
  SaJournalDb *self;
  g_autofree char *folder = NULL;
  g_autoptr(GError) local_error = NULL;
  FileVerdict verdict;

  g_return_val_if_fail (path != NULL, NULL);

  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_propagate_error (error, sa_journal_error_new (SA_JOURNAL_ERROR_UNAVAILABLE, path,
                                                      g_strerror (saved)));
      return NULL;
    }

  self = g_new0 (SaJournalDb, 1);
  self->path = g_strdup (path);

  verdict = open_file (self, &local_error);
  if (verdict == FILE_CORRUPT || verdict == FILE_TOO_NEW)
    {
      g_autofree char *kept = NULL;
      SaJournalError code = verdict == FILE_CORRUPT ? SA_JOURNAL_ERROR_CORRUPT : SA_JOURNAL_ERROR_TOO_NEW;

      g_debug ("Journal %s kept aside: %s", path, local_error->message);
      g_clear_error (&local_error);
      close_file (self);

      kept = keep_aside (path, verdict == FILE_CORRUPT ? "damaged" : "newer", error);
      if (kept == NULL)
        {
          sa_journal_db_close (self);
          return NULL;
        }

      if (report != NULL)
        *report = sa_journal_error_new (code, kept, NULL);
      if (kept_aside_path != NULL)
        *kept_aside_path = g_strdup (kept);

      verdict = open_file (self, &local_error);
    }

  if (verdict != FILE_OK)
    {
      if (!g_error_matches (local_error, SA_JOURNAL_ERROR, SA_JOURNAL_ERROR_BUSY) &&
          !g_error_matches (local_error, SA_JOURNAL_ERROR, SA_JOURNAL_ERROR_UNAVAILABLE))
        {
          g_autoptr(GError) unavailable = sa_journal_error_new (SA_JOURNAL_ERROR_UNAVAILABLE, path,
                                                                local_error->message);

          g_clear_error (&local_error);
          local_error = g_steal_pointer (&unavailable);
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      if (report != NULL)
        g_clear_error (report);
      if (kept_aside_path != NULL)
        g_clear_pointer (kept_aside_path, g_free);
      sa_journal_db_close (self);
      return NULL;
    }

  return self;
}

/**
 * sa_journal_db_close:
 * @db: (nullable): a connection
 *
 * Closes the connection (SQLite checkpoints the WAL when it is the last).
 */
void
sa_journal_db_close (SaJournalDb *db)
{
  if (db == NULL)
    return;

  close_file (db);
  g_free (db->path);
  g_free (db);
}

/* ------------------------------------------------------------------------ */
/* Writing */

static gboolean
insert_observation (SaJournalDb           *self,
                    gint64                 hand_off_id,
                    SaHandOffObservation  *observation,
                    GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sa_journal_db_prepare (self,
                                "INSERT INTO observations (hand_off_id, kind, seen, domain, virtual_account, quantity, text)"
                                " VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, hand_off_id);
  sa_journal_db_bind_text (stmt, 2, sa_observation_kind_to_string (sa_hand_off_observation_get_kind (observation)));
  bind_time (stmt, 3, sa_hand_off_observation_get_seen (observation));
  sa_journal_db_bind_text (stmt, 4, sa_hand_off_observation_get_domain (observation));
  sa_journal_db_bind_text (stmt, 5, sa_hand_off_observation_get_virtual_account (observation));
  sqlite3_bind_int64 (stmt, 6, sa_hand_off_observation_get_quantity (observation));
  sa_journal_db_bind_text (stmt, 7, sa_hand_off_observation_get_text (observation));

  if (!step_done (self, stmt, error))
    return FALSE;

  sa_hand_off_observation_set_id (observation, sqlite3_last_insert_rowid (self->db));
  return TRUE;
}

static gboolean
insert_new_observations (SaJournalDb  *self,
                         SaHandOff    *hand_off,
                         gint64        id,
                         GError      **error)
{
  GListModel *observations = sa_hand_off_get_observations (hand_off);

  for (guint i = 0; i < g_list_model_get_n_items (observations); i++)
    {
      g_autoptr(SaHandOffObservation) observation = g_list_model_get_item (observations, i);

      if (sa_hand_off_observation_get_id (observation) == 0 &&
          !insert_observation (self, id, observation, error))
        return FALSE;
    }

  return TRUE;
}

/* Binds every column but id, from index 1, in the order of INSERT below. */
static void
bind_hand_off (sqlite3_stmt *stmt,
               SaHandOff    *hand_off)
{
  const char * const *emails = sa_hand_off_get_user_emails (hand_off);
  g_autofree char *joined = emails != NULL ? g_strjoinv ("\n", (char **) emails) : NULL;
  int i = 1;

  sa_journal_db_bind_text (stmt, i++, sa_hand_off_procedure_to_string (sa_hand_off_get_procedure (hand_off)));
  sa_journal_db_bind_text (stmt, i++, sa_hand_off_get_subject (hand_off));
  sa_journal_db_bind_text (stmt, i++, sa_hand_off_state_to_string (sa_hand_off_get_state (hand_off)));
  sa_journal_db_bind_text (stmt, i++, sa_journal_enum_to_nick (SA_TYPE_HAND_OFF_SLOT, sa_hand_off_get_slot (hand_off)));
  sqlite3_bind_int (stmt, i++, sa_hand_off_get_account_pending (hand_off));
  for (guint f = 0; f < SA_HAND_OFF_N_FIELDS; f++)
    sa_journal_db_bind_text (stmt, i++, sa_hand_off_get_field (hand_off, f));
  sa_journal_db_bind_text (stmt, i++, joined);
  bind_time (stmt, i++, sa_hand_off_get_created (hand_off));
  bind_time (stmt, i++, sa_hand_off_get_handed_off (hand_off));
  bind_time (stmt, i++, sa_hand_off_get_last_checked (hand_off));
  sqlite3_bind_int64 (stmt, i++, sa_hand_off_get_notices (hand_off));
}

/**
 * sa_journal_db_add:
 * @db: a connection
 * @hand_off: a hand-off not in the journal yet (the worker's copy)
 * @error: return location for a #GError, or %NULL
 *
 * Writes the row and its observations in one transaction; sets their ids.
 *
 * Returns: the new row's id, or 0 with %SA_JOURNAL_ERROR_FAILED or
 *   %SA_JOURNAL_ERROR_BUSY
 */
gint64
sa_journal_db_add (SaJournalDb  *db,
                   SaHandOff    *hand_off,
                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  if (!begin (db, error))
    return 0;

  stmt = sa_journal_db_prepare (db,
                                "INSERT INTO hand_offs (procedure, subject, state, slot, account_pending, domain,"
                                " account_name, virtual_account, intended_virtual_account, customer_email,"
                                " note_to_customer, note_to_users, reason, account_id, user_emails, created,"
                                " handed_off, last_checked, notices)"
                                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto failed;

  bind_hand_off (stmt, hand_off);
  if (!step_done (db, stmt, error))
    goto failed;

  id = sqlite3_last_insert_rowid (db->db);
  if (!insert_new_observations (db, hand_off, id, error) || !sa_journal_db_commit (db, error))
    goto failed;

  sa_hand_off_set_id (hand_off, id);
  return id;

failed:
  sa_journal_db_rollback (db);
  return 0;
}

static gboolean
row_exists (SaJournalDb  *self,
            gint64        id,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = sa_journal_db_prepare (self, "SELECT 1 FROM hand_offs WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_propagate_error (error, sa_journal_error_new (SA_JOURNAL_ERROR_NOT_FOUND, NULL, NULL));
  else
    g_propagate_error (error, sa_journal_db_error (self, rc, "exists"));
  return FALSE;
}

/**
 * sa_journal_db_update:
 * @db: a connection
 * @hand_off: a hand-off in the journal (the worker's copy)
 * @error: return location for a #GError, or %NULL
 *
 * Rewrites every column of the row and adds the observations not written
 * yet (id 0), in one transaction; sets their ids.
 *
 * Returns: %TRUE when written; %FALSE with %SA_JOURNAL_ERROR_NOT_FOUND (the
 *   row was removed), %SA_JOURNAL_ERROR_FAILED or %SA_JOURNAL_ERROR_BUSY
 */
gboolean
sa_journal_db_update (SaJournalDb  *db,
                      SaHandOff    *hand_off,
                      GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id = sa_hand_off_get_id (hand_off);

  if (!begin (db, error))
    return FALSE;

  if (!row_exists (db, id, error))
    goto failed;

  stmt = sa_journal_db_prepare (db,
                                "UPDATE hand_offs SET procedure = ?, subject = ?, state = ?, slot = ?,"
                                " account_pending = ?, domain = ?, account_name = ?, virtual_account = ?,"
                                " intended_virtual_account = ?, customer_email = ?, note_to_customer = ?,"
                                " note_to_users = ?, reason = ?, account_id = ?, user_emails = ?, created = ?,"
                                " handed_off = ?, last_checked = ?, notices = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;

  bind_hand_off (stmt, hand_off);
  sqlite3_bind_int64 (stmt, 20, id);
  if (!step_done (db, stmt, error) ||
      !insert_new_observations (db, hand_off, id, error) ||
      !sa_journal_db_commit (db, error))
    goto failed;

  return TRUE;

failed:
  sa_journal_db_rollback (db);
  return FALSE;
}

/**
 * sa_journal_db_set_state:
 * @db: a connection
 * @id: the row
 * @state: its new state
 * @handed_off: (nullable): the hand-off date, written only when the row has
 *   none
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE when written; %FALSE with %SA_JOURNAL_ERROR_NOT_FOUND,
 *   %SA_JOURNAL_ERROR_FAILED or %SA_JOURNAL_ERROR_BUSY
 */
gboolean
sa_journal_db_set_state (SaJournalDb     *db,
                         gint64           id,
                         SaHandOffState   state,
                         GDateTime       *handed_off,
                         GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!begin (db, error))
    return FALSE;

  if (!row_exists (db, id, error))
    goto failed;

  stmt = sa_journal_db_prepare (db, "UPDATE hand_offs SET state = ?, handed_off = COALESCE (handed_off, ?) WHERE id = ?",
                  error);
  if (stmt == NULL)
    goto failed;

  sa_journal_db_bind_text (stmt, 1, sa_hand_off_state_to_string (state));
  bind_time (stmt, 2, handed_off);
  sqlite3_bind_int64 (stmt, 3, id);
  if (!step_done (db, stmt, error) || !sa_journal_db_commit (db, error))
    goto failed;

  return TRUE;

failed:
  sa_journal_db_rollback (db);
  return FALSE;
}

/**
 * sa_journal_db_add_observation:
 * @db: a connection
 * @id: the row
 * @observation: what was seen (the worker's copy; its id is set)
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE when written; %FALSE with %SA_JOURNAL_ERROR_NOT_FOUND,
 *   %SA_JOURNAL_ERROR_FAILED or %SA_JOURNAL_ERROR_BUSY
 */
gboolean
sa_journal_db_add_observation (SaJournalDb           *db,
                               gint64                 id,
                               SaHandOffObservation  *observation,
                               GError               **error)
{
  if (!begin (db, error))
    return FALSE;

  if (!row_exists (db, id, error) ||
      !insert_observation (db, id, observation, error) ||
      !sa_journal_db_commit (db, error))
    {
      sa_journal_db_rollback (db);
      return FALSE;
    }

  return TRUE;
}

/**
 * sa_journal_db_remove:
 * @db: a connection
 * @id: the row
 * @error: return location for a #GError, or %NULL
 *
 * Deletes the row and (by the foreign key) its observations.
 *
 * Returns: %TRUE when deleted; %FALSE with %SA_JOURNAL_ERROR_NOT_FOUND,
 *   %SA_JOURNAL_ERROR_FAILED or %SA_JOURNAL_ERROR_BUSY
 */
gboolean
sa_journal_db_remove (SaJournalDb  *db,
                      gint64        id,
                      GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!begin (db, error))
    return FALSE;

  stmt = sa_journal_db_prepare (db, "DELETE FROM hand_offs WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (db, stmt, error))
    goto failed;

  if (sqlite3_changes (db->db) == 0)
    {
      g_propagate_error (error, sa_journal_error_new (SA_JOURNAL_ERROR_NOT_FOUND, NULL, NULL));
      goto failed;
    }

  if (!sa_journal_db_commit (db, error))
    goto failed;

  return TRUE;

failed:
  sa_journal_db_rollback (db);
  return FALSE;
}
