/* sa-journal-db-read.c — reading the journal's rows back as hand-offs, with
 * their observations, in one read transaction
 *
 * Called from the journal's worker, one thread at a time, as the rest of
 * sa-journal-db.c. A row naming a procedure, state or kind this build does
 * not know is skipped (logged), never a reason to fail the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-journal.h"
#include "sa-journal-db-private.h"

/* A hand-off from a row selected with SA_JOURNAL_DB_HAND_OFF_COLUMNS; NULL (logged) when
 * the row names a procedure or state this build does not know. */
static SaHandOff *
read_hand_off (sqlite3_stmt *stmt)
{
  g_autoptr(SaHandOff) hand_off = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) handed_off = NULL;
  g_autoptr(GDateTime) last_checked = NULL;
  SaHandOffProcedure procedure;
  SaHandOffState state;
  int slot = SA_HAND_OFF_SLOT_NONE;
  const char *emails;
  int i = 6;

  if (!sa_hand_off_procedure_from_string (sa_journal_db_column_text (stmt, 1), &procedure) ||
      !sa_hand_off_state_from_string (sa_journal_db_column_text (stmt, 3), &state))
    {
      g_debug ("Journal: row %" G_GINT64_FORMAT " skipped (unknown procedure or state)",
               (gint64) sqlite3_column_int64 (stmt, 0));
      return NULL;
    }
  sa_journal_enum_from_nick (SA_TYPE_HAND_OFF_SLOT, sa_journal_db_column_text (stmt, 4), &slot);

  hand_off = sa_hand_off_new (procedure, sa_journal_db_column_text (stmt, 2) ? sa_journal_db_column_text (stmt, 2) : "");
  sa_hand_off_set_id (hand_off, sqlite3_column_int64 (stmt, 0));
  sa_hand_off_set_slot (hand_off, slot);
  sa_hand_off_set_account_pending (hand_off, sqlite3_column_int (stmt, 5) != 0);
  for (guint f = 0; f < SA_HAND_OFF_N_FIELDS; f++)
    sa_hand_off_set_field (hand_off, f, sa_journal_db_column_text (stmt, i++));

  emails = sa_journal_db_column_text (stmt, i++);
  if (emails != NULL)
    {
      g_auto(GStrv) list = g_strsplit (emails, "\n", -1);

      sa_hand_off_set_user_emails (hand_off, (const char * const *) list);
    }

  created = sa_journal_db_parse_time (sqlite3_column_text (stmt, i++));
  if (created != NULL)
    sa_hand_off_set_created (hand_off, created);
  handed_off = sa_journal_db_parse_time (sqlite3_column_text (stmt, i++));
  sa_hand_off_set_handed_off (hand_off, handed_off);
  last_checked = sa_journal_db_parse_time (sqlite3_column_text (stmt, i++));
  sa_hand_off_set_last_checked (hand_off, last_checked);
  sa_hand_off_set_notices (hand_off, (SaHandOffNotices) sqlite3_column_int64 (stmt, i++));
  /* After the hand-off date, so that setting the state stamps nothing. */
  sa_hand_off_set_state (hand_off, state);

  return g_steal_pointer (&hand_off);
}

static SaHandOffObservation *
read_observation (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) seen = NULL;
  SaHandOffObservation *observation;
  SaObservationKind kind;

  seen = sa_journal_db_parse_time (sqlite3_column_text (stmt, 2));
  if (!sa_observation_kind_from_string (sa_journal_db_column_text (stmt, 1), &kind) || seen == NULL)
    return NULL;

  observation = sa_hand_off_observation_new_full (kind, seen,
                                                  sa_journal_db_column_text (stmt, 3),
                                                  sa_journal_db_column_text (stmt, 4),
                                                  sqlite3_column_int64 (stmt, 5),
                                                  sa_journal_db_column_text (stmt, 6));
  sa_hand_off_observation_set_id (observation, sqlite3_column_int64 (stmt, 0));
  return observation;
}

static gboolean
read_observations (SaJournalDb  *self,
                   GHashTable   *by_id,
                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = sa_journal_db_prepare (self,
                                "SELECT id, kind, seen, domain, virtual_account, quantity, text, hand_off_id"
                                " FROM observations ORDER BY hand_off_id, id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 owner = sqlite3_column_int64 (stmt, 7);
      SaHandOff *hand_off = g_hash_table_lookup (by_id, &owner);
      g_autoptr(SaHandOffObservation) observation = NULL;

      if (hand_off == NULL)
        continue;
      observation = read_observation (stmt);
      if (observation != NULL)
        sa_hand_off_add_observation (hand_off, observation);
    }

  if (rc != SQLITE_DONE)
    {
      g_propagate_error (error, sa_journal_db_error (self, rc, "observations"));
      return FALSE;
    }
  return TRUE;
}

/**
 * sa_journal_db_list:
 * @db: a connection
 * @query: which rows
 * @subject: (nullable): the order number or domain, for
 *   %SA_JOURNAL_QUERY_SUBJECT
 * @procedure: the procedure, for %SA_JOURNAL_QUERY_PROCEDURE
 * @error: return location for a #GError, or %NULL
 *
 * Reads the rows and their observations in one read transaction.
 *
 * Returns: (transfer full) (nullable): a #GListModel of #SaHandOff, oldest
 *   first; %NULL with %SA_JOURNAL_ERROR_FAILED or %SA_JOURNAL_ERROR_BUSY
 */
GListModel *
sa_journal_db_list (SaJournalDb         *db,
                    SaJournalQuery       query,
                    const char          *subject,
                    SaHandOffProcedure   procedure,
                    GError             **error)
{
  g_autoptr(GListStore) store = g_list_store_new (SA_TYPE_HAND_OFF);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  const char *where = "";
  int rc;

  switch (query)
    {
    case SA_JOURNAL_QUERY_SUBJECT:
      where = " WHERE subject = ?1";
      break;
    case SA_JOURNAL_QUERY_PROCEDURE:
      where = " WHERE procedure = ?1";
      break;
    case SA_JOURNAL_QUERY_OPEN:
      where = " WHERE state IN ('handed-off', 'observed-partly')";
      break;
    case SA_JOURNAL_QUERY_ALL:
    default:
      break;
    }

  if (!sa_journal_db_exec (db, "BEGIN", error))
    return NULL;

  sql = g_strdup_printf ("SELECT %s FROM hand_offs%s ORDER BY created, id", SA_JOURNAL_DB_HAND_OFF_COLUMNS, where);
  stmt = sa_journal_db_prepare (db, sql, error);
  if (stmt == NULL)
    goto failed;

  if (query == SA_JOURNAL_QUERY_SUBJECT)
    sa_journal_db_bind_text (stmt, 1, subject != NULL ? subject : "");
  else if (query == SA_JOURNAL_QUERY_PROCEDURE)
    sa_journal_db_bind_text (stmt, 1, sa_hand_off_procedure_to_string (procedure));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SaHandOff) hand_off = read_hand_off (stmt);

      if (hand_off == NULL)
        continue;
      g_list_store_append (store, hand_off);
    }
  if (rc != SQLITE_DONE)
    {
      g_propagate_error (error, sa_journal_db_error (db, rc, "list"));
      goto failed;
    }

  /* The keys point to ids; the values are the hand-offs the store holds. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(SaHandOff) hand_off = g_list_model_get_item (G_LIST_MODEL (store), i);
      gint64 *key = g_new (gint64, 1);

      *key = sa_hand_off_get_id (hand_off);
      g_hash_table_insert (by_id, key, hand_off);
    }

  if (!read_observations (db, by_id, error) || !sa_journal_db_commit (db, error))
    goto failed;

  return G_LIST_MODEL (g_steal_pointer (&store));

failed:
  sa_journal_db_rollback (db);
  return NULL;
}
