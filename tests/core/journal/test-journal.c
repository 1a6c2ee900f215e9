/* test-journal.c — the hand-off journal: add, list, update, remove; survives a
 * restart; a damaged, foreign or newer file kept aside and reported; two
 * processes and two connections writing at once; messages in French and
 * Italian
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <sqlite3.h>
#include <glib/gstdio.h>

#include "journal-test-util.h"
#include "sa-journal-private.h"

typedef struct
{
  char      *dir;
  char      *path;
  SaJournal *journal;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = journal_test_make_dir ();
  /* A folder the journal must create. */
  fixture->path = g_build_filename (fixture->dir, "journal.sqlite3", NULL);
  fixture->journal = sa_journal_new (fixture->path);
}

/* Drops @journal and waits until it is finalized (its file closed). */
static void
drop_journal (SaJournal **journal)
{
  SaJournal *weak = *journal;

  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  g_clear_object (journal);
  while (weak != NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->journal != NULL)
    drop_journal (&fixture->journal);
  journal_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static SaHandOff *
item (GListModel *model,
      guint       position)
{
  SaHandOff *hand_off;

  g_assert_cmpuint (position, <, g_list_model_get_n_items (model));
  /* The model keeps its reference: the pointer is borrowed. */
  hand_off = g_list_model_get_item (model, position);
  g_object_unref (hand_off);
  return hand_off;
}

static void
test_add_list_update_remove (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GDateTime) when = journal_test_date (2026, 11, 24);
  g_autoptr(SaHandOff) hand_off = journal_test_assign ("104857601", "acme-industrie.fr", "DEFAULT", "東京支社", when);
  g_autoptr(SaHandOffObservation) seen = sa_hand_off_observation_new_full (SA_OBSERVATION_ORDER_STATUS, when,
                                                                           NULL, NULL, 0, "Booked");
  g_autoptr(SaHandOffObservation) shipped = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(SaHandOff) read = NULL;
  g_autoptr(GError) error = NULL;
  SaHandOffObservation *first;
  gint64 id;

  g_assert_true (journal_test_open (fixture->journal, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
  g_assert_null (sa_journal_get_kept_aside_path (fixture->journal));

  sa_hand_off_add_observation (hand_off, seen);
  id = journal_test_add (fixture->journal, hand_off, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (sa_hand_off_get_id (hand_off), ==, id);
  g_assert_cmpint (sa_hand_off_observation_get_id (seen), >, 0);

  all = journal_test_list (fixture->journal, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
  read = g_object_ref (item (all, 0));
  g_assert_cmpint (sa_hand_off_get_id (read), ==, id);
  g_assert_cmpint (sa_hand_off_get_procedure (read), ==, SA_HAND_OFF_ASSIGN_ORDER);
  g_assert_cmpstr (sa_hand_off_get_subject (read), ==, "104857601");
  g_assert_cmpstr (sa_hand_off_get_order_number (read), ==, "104857601");
  g_assert_cmpint (sa_hand_off_get_state (read), ==, SA_HAND_OFF_STATE_HANDED_OFF);
  g_assert_cmpint (sa_hand_off_get_slot (read), ==, SA_HAND_OFF_SLOT_END_CUSTOMER);
  g_assert_cmpstr (sa_hand_off_get_field (read, SA_HAND_OFF_FIELD_INTENDED_VIRTUAL_ACCOUNT), ==, "東京支社");
  g_assert_true (sa_hand_off_needs_transfer (read));
  g_assert_true (g_date_time_equal (sa_hand_off_get_handed_off (read), when));
  g_assert_cmpuint (g_list_model_get_n_items (sa_hand_off_get_observations (read)), ==, 1);
  first = sa_hand_off_find_observation (read, SA_OBSERVATION_ORDER_STATUS);
  g_assert_nonnull (first);
  g_assert_cmpstr (sa_hand_off_observation_get_text (first), ==, "Booked");
  g_assert_cmpint (sa_hand_off_observation_get_id (first), ==, sa_hand_off_observation_get_id (seen));
  g_clear_object (&all);

  /* Update: the state, a notice and a new observation; the first one is not
   * written twice. */
  shipped = sa_hand_off_observation_new (SA_OBSERVATION_ORDER_SHIPPED, when);
  sa_hand_off_add_observation (hand_off, shipped);
  sa_hand_off_set_state (hand_off, SA_HAND_OFF_STATE_OBSERVED_PARTLY);
  g_assert_true (sa_hand_off_add_notice (hand_off, SA_HAND_OFF_NOTICE_TRANSFER_READY));
  g_assert_false (sa_hand_off_add_notice (hand_off, SA_HAND_OFF_NOTICE_TRANSFER_READY));
  sa_hand_off_set_last_checked (hand_off, when);
  g_assert_true (journal_test_update (fixture->journal, hand_off, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sa_hand_off_observation_get_id (shipped), >, sa_hand_off_observation_get_id (seen));

  g_clear_object (&read);
  read = journal_test_find (fixture->journal, id);
  g_assert_cmpint (sa_hand_off_get_state (read), ==, SA_HAND_OFF_STATE_OBSERVED_PARTLY);
  g_assert_cmpuint (sa_hand_off_get_notices (read), ==, SA_HAND_OFF_NOTICE_TRANSFER_READY);
  g_assert_true (g_date_time_equal (sa_hand_off_get_last_checked (read), when));
  g_assert_cmpuint (g_list_model_get_n_items (sa_hand_off_get_observations (read)), ==, 2);

  /* Remove: the row and its observations go; the object says so. */
  g_assert_true (journal_test_remove (fixture->journal, hand_off, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sa_hand_off_get_state (hand_off), ==, SA_HAND_OFF_STATE_REMOVED);
  all = journal_test_list (fixture->journal, &error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 0);

  g_assert_false (journal_test_remove (fixture->journal, hand_off, &error));
  g_assert_error (error, SA_JOURNAL_ERROR, SA_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  sa_hand_off_set_state (hand_off, SA_HAND_OFF_STATE_CONFIRMED);
  g_assert_false (journal_test_update (fixture->journal, hand_off, &error));
  g_assert_error (error, SA_JOURNAL_ERROR, SA_JOURNAL_ERROR_NOT_FOUND);
}

static void
test_narrow_writes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) when = journal_test_date (2026, 11, 24);
  g_autoptr(SaHandOff) draft = sa_hand_off_new (SA_HAND_OFF_REQUEST_ACCESS, " trattoria-mario.example ");
  g_autoptr(SaHandOffObservation) seen = sa_hand_off_observation_new (SA_OBSERVATION_REMINDER_SUGGESTED, when);
  g_autoptr(SaHandOff) read = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  gint64 id;

  /* "Not Now": a draft, no hand-off date. */
  g_assert_cmpstr (sa_hand_off_get_subject (draft), ==, "trattoria-mario.example");
  g_assert_cmpstr (sa_hand_off_get_field (draft, SA_HAND_OFF_FIELD_DOMAIN), ==, "trattoria-mario.example");
  id = journal_test_add (fixture->journal, draft, &error);
  g_assert_no_error (error);
  read = journal_test_find (fixture->journal, id);
  g_assert_cmpint (sa_hand_off_get_state (read), ==, SA_HAND_OFF_STATE_DRAFT);
  g_assert_null (sa_hand_off_get_handed_off (read));
  g_assert_false (sa_hand_off_is_open (read));
  g_clear_object (&read);

  /* "Done in the Portal": the state, and the date stamped once. */
  sa_journal_set_state_async (fixture->journal, draft, SA_HAND_OFF_STATE_HANDED_OFF, NULL,
                              core_test_on_ready, &slot);
  result = journal_test_wait (&slot);
  g_assert_true (sa_journal_update_finish (fixture->journal, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  read = journal_test_find (fixture->journal, id);
  g_assert_cmpint (sa_hand_off_get_state (read), ==, SA_HAND_OFF_STATE_HANDED_OFF);
  g_assert_nonnull (sa_hand_off_get_handed_off (read));
  g_assert_true (sa_hand_off_is_open (read));
  g_clear_object (&read);

  sa_journal_add_observation_async (fixture->journal, draft, seen, NULL, core_test_on_ready, &slot);
  result = journal_test_wait (&slot);
  g_assert_true (sa_journal_update_finish (fixture->journal, result, &error));
  g_assert_cmpint (sa_hand_off_observation_get_id (seen), >, 0);
  read = journal_test_find (fixture->journal, id);
  g_assert_nonnull (sa_hand_off_find_observation (read, SA_OBSERVATION_REMINDER_SUGGESTED));
  g_assert_cmpstr (sa_hand_off_get_field (read, SA_HAND_OFF_FIELD_REASON), ==, NULL);
}

static void
test_survives_restart (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) when = journal_test_date (2026, 11, 2);
  g_autoptr(SaHandOff) request = journal_test_account_request ("trattoria-mario.example", when);
  g_autoptr(SaHandOff) read = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *users;
  gint64 id;

  sa_hand_off_set_field (request, SA_HAND_OFF_FIELD_NOTE_TO_USERS, "Benvenuti, «Paolo», line\nbreak");
  sa_hand_off_add_notice (request, SA_HAND_OFF_NOTICE_14_DAYS_LEFT);
  id = journal_test_add (fixture->journal, request, &error);
  g_assert_no_error (error);

  /* The app closes (or crashes after the commit) and starts again. */
  drop_journal (&fixture->journal);
  fixture->journal = sa_journal_new (fixture->path);
  g_assert_true (journal_test_open (fixture->journal, &error));

  read = journal_test_find (fixture->journal, id);
  g_assert_nonnull (read);
  g_assert_cmpint (sa_hand_off_get_procedure (read), ==, SA_HAND_OFF_REQUEST_SMART_ACCOUNT);
  g_assert_cmpstr (sa_hand_off_get_field (read, SA_HAND_OFF_FIELD_DOMAIN), ==, "trattoria-mario.example");
  g_assert_cmpstr (sa_hand_off_get_field (read, SA_HAND_OFF_FIELD_ACCOUNT_NAME), ==, "Trattoria Da Mario");
  g_assert_cmpstr (sa_hand_off_get_field (read, SA_HAND_OFF_FIELD_CUSTOMER_EMAIL), ==, "mario@trattoria-mario.example");
  g_assert_cmpstr (sa_hand_off_get_field (read, SA_HAND_OFF_FIELD_NOTE_TO_CUSTOMER), ==, "Please accept, Mario.");
  g_assert_cmpstr (sa_hand_off_get_field (read, SA_HAND_OFF_FIELD_NOTE_TO_USERS), ==, "Benvenuti, «Paolo», line\nbreak");
  users = sa_hand_off_get_user_emails (read);
  g_assert_nonnull (users);
  g_assert_cmpstr (users[0], ==, "paolo@trattoria-mario.example");
  g_assert_cmpstr (users[1], ==, "anna@trattoria-mario.example");
  g_assert_null (users[2]);
  g_assert_true (g_date_time_equal (sa_hand_off_get_handed_off (read), when));
  g_assert_true (g_date_time_equal (sa_hand_off_get_created (read), sa_hand_off_get_created (request)));
  g_assert_cmpuint (sa_hand_off_get_notices (read), ==, SA_HAND_OFF_NOTICE_14_DAYS_LEFT);
  g_assert_cmpint (sa_hand_off_get_slot (read), ==, SA_HAND_OFF_SLOT_NONE);
}

static GListModel *
wait_list (SaJournal    *journal,
           GAsyncResult *result)
{
  g_autoptr(GError) error = NULL;
  GListModel *model = sa_journal_list_finish (journal, result, &error);

  g_assert_no_error (error);
  return model;
}

static void
test_lists (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GDateTime) when = journal_test_date (2026, 11, 20);
  g_autoptr(SaHandOff) assign = journal_test_assign ("104857601", "acme-industrie.fr", "Paris", NULL, when);
  g_autoptr(SaHandOff) change = journal_test_assign ("104857601", "acme-holding.example", "DEFAULT", NULL, when);
  g_autoptr(SaHandOff) other = journal_test_assign ("104857777", "acme-industrie.fr", "Paris", NULL, when);
  g_autoptr(SaHandOff) access = journal_test_access_request ("acme-industrie.fr", when);
  g_autoptr(SaHandOff) draft = journal_test_access_request ("wework.example", NULL);
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;
  SaHandOff *all[] = { assign, change, other, access, draft };

  sa_hand_off_set_slot (change, SA_HAND_OFF_SLOT_HOLDING);
  sa_hand_off_set_state (other, SA_HAND_OFF_STATE_CONFIRMED);
  sa_hand_off_set_state (draft, SA_HAND_OFF_STATE_DRAFT);
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_autoptr(GError) error = NULL;

      journal_test_add (fixture->journal, all[i], &error);
      g_assert_no_error (error);
    }

  /* An order page shows its own entries. */
  sa_journal_list_for_subject_async (fixture->journal, "104857601", NULL, core_test_on_ready, &slot);
  result = journal_test_wait (&slot);
  model = wait_list (fixture->journal, result);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpint (sa_hand_off_get_slot (item (model, 1)), ==, SA_HAND_OFF_SLOT_HOLDING);
  g_clear_object (&model);
  g_clear_object (&result);

  /* The Access requests view lists procedure 4. */
  sa_journal_list_for_procedure_async (fixture->journal, SA_HAND_OFF_REQUEST_ACCESS, NULL,
                                       core_test_on_ready, &slot);
  result = journal_test_wait (&slot);
  model = wait_list (fixture->journal, result);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpstr (sa_hand_off_get_subject (item (model, 0)), ==, "acme-industrie.fr");
  g_clear_object (&model);
  g_clear_object (&result);

  /* The watch: handed off or observed partly only. */
  model = journal_test_list_open (fixture->journal);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_true (sa_hand_off_is_open (item (model, i)));
}

static void
on_changed (SaJournal *journal,
            gint64     id,
            gpointer   user_data)
{
  g_array_append_val ((GArray *) user_data, id);
}

static void
test_changed_and_invalid (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(SaHandOff) incomplete = sa_hand_off_new (SA_HAND_OFF_ASSIGN_ORDER, "104857601");
  g_autoptr(SaHandOff) nothing = sa_hand_off_new (SA_HAND_OFF_REQUEST_ACCESS, "  ");
  g_autoptr(SaHandOff) transfer = sa_hand_off_new (SA_HAND_OFF_LICENSE_TRANSFER, "104857601");
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_signal_connect (fixture->journal, "changed", G_CALLBACK (on_changed), ids);

  /* No slot, no domain, no Virtual Account: refused, nothing written. */
  g_assert_cmpint (journal_test_add (fixture->journal, incomplete, &error), ==, 0);
  g_assert_error (error, SA_JOURNAL_ERROR, SA_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  sa_hand_off_set_slot (incomplete, SA_HAND_OFF_SLOT_END_CUSTOMER);
  g_assert_cmpint (journal_test_add (fixture->journal, incomplete, &error), ==, 0);
  g_assert_error (error, SA_JOURNAL_ERROR, SA_JOURNAL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Domain Identifier"));
  g_clear_error (&error);
  g_assert_cmpint (journal_test_add (fixture->journal, nothing, &error), ==, 0);
  g_assert_error (error, SA_JOURNAL_ERROR, SA_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);

  /* A transfer needs two different Virtual Accounts. */
  sa_hand_off_set_field (transfer, SA_HAND_OFF_FIELD_DOMAIN, "acme-industrie.fr");
  sa_hand_off_set_field (transfer, SA_HAND_OFF_FIELD_VIRTUAL_ACCOUNT, "DEFAULT");
  sa_hand_off_set_field (transfer, SA_HAND_OFF_FIELD_INTENDED_VIRTUAL_ACCOUNT, "DEFAULT");
  g_assert_false (sa_hand_off_validate (transfer, &error));
  g_assert_error (error, SA_JOURNAL_ERROR, SA_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  sa_hand_off_set_field (transfer, SA_HAND_OFF_FIELD_INTENDED_VIRTUAL_ACCOUNT, "東京支社");
  g_assert_true (sa_hand_off_validate (transfer, &error));
  g_assert_cmpuint (ids->len, ==, 0);

  id = journal_test_add (fixture->journal, transfer, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, id);
  journal_test_remove (fixture->journal, transfer, &error);
  g_assert_cmpuint (ids->len, ==, 2);
}

static char *
file_contents (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Opening reports @code, keeps the old file with @contents aside, and a fresh
 * journal works. */
static void
assert_kept_aside (Fixture        *fixture,
                   int             code,
                   const char     *marker)
{
  g_autoptr(GDateTime) when = journal_test_date (2026, 11, 24);
  g_autoptr(SaHandOff) hand_off = journal_test_access_request ("acme-industrie.fr", when);
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GError) error = NULL;
  const char *kept;

  g_assert_false (journal_test_open (fixture->journal, &error));
  g_assert_error (error, SA_JOURNAL_ERROR, code);

  kept = sa_journal_get_kept_aside_path (fixture->journal);
  g_assert_nonnull (kept);
  g_assert_true (g_str_has_prefix (kept, fixture->path));
  g_assert_nonnull (strstr (kept, marker));
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
  /* The message names the kept file. */
  g_assert_nonnull (strstr (error->message, kept));
  g_clear_error (&error);

  /* A fresh journal is open and usable. */
  journal_test_add (fixture->journal, hand_off, &error);
  g_assert_no_error (error);
  all = journal_test_list (fixture->journal, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);

  /* Reported again by a later open of the same session. */
  g_assert_false (journal_test_open (fixture->journal, &error));
  g_assert_error (error, SA_JOURNAL_ERROR, code);
}

static void
test_corrupt_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *garbage = g_strnfill (8192, 'x');
  g_autofree char *kept_contents = NULL;

  g_mkdir_with_parents (fixture->dir, 0700);
  g_file_set_contents (fixture->path, garbage, -1, &error);
  g_assert_no_error (error);

  assert_kept_aside (fixture, SA_JOURNAL_ERROR_CORRUPT, ".damaged-");
  kept_contents = file_contents (sa_journal_get_kept_aside_path (fixture->journal));
  g_assert_cmpstr (kept_contents, ==, garbage);
}

static void
test_damaged_pages (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) when = journal_test_date (2026, 11, 24);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  /* A real journal, with enough rows to span pages… */
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *domain = g_strdup_printf ("customer-%u.example", i);
      g_autoptr(SaHandOff) hand_off = journal_test_account_request (domain, when);

      journal_test_add (fixture->journal, hand_off, &error);
      g_assert_no_error (error);
    }
  drop_journal (&fixture->journal);

  /* …whose pages after the first are scrambled (a disk fault). */
  g_file_get_contents (fixture->path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 8192);
  memset (contents + 4096, 0xa5, length - 4096);
  g_file_set_contents (fixture->path, contents, length, &error);
  g_assert_no_error (error);

  fixture->journal = sa_journal_new (fixture->path);
  assert_kept_aside (fixture, SA_JOURNAL_ERROR_CORRUPT, ".damaged-");
}

static void
make_database (const char *path,
               const char *sql)
{
  g_autofree char *folder = g_path_get_dirname (path);
  sqlite3 *db = NULL;

  g_mkdir_with_parents (folder, 0700);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static int
user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

static void
test_newer_version (Fixture       *fixture,
                    gconstpointer  data)
{
  make_database (fixture->path,
                 "CREATE TABLE hand_offs (id INTEGER PRIMARY KEY, future TEXT);"
                 "INSERT INTO hand_offs (future) VALUES ('kept for the newer version');"
                 "PRAGMA user_version = 7;");

  assert_kept_aside (fixture, SA_JOURNAL_ERROR_TOO_NEW, ".newer-");
  g_assert_cmpint (user_version (sa_journal_get_kept_aside_path (fixture->journal)), ==, 7);
  g_assert_cmpint (user_version (fixture->path), ==, SA_JOURNAL_SCHEMA_VERSION);
}

static void
test_foreign_database (Fixture       *fixture,
                       gconstpointer  data)
{
  make_database (fixture->path, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('Volare');");

  assert_kept_aside (fixture, SA_JOURNAL_ERROR_CORRUPT, ".damaged-");
  g_assert_cmpint (user_version (fixture->path), ==, SA_JOURNAL_SCHEMA_VERSION);
}

static void
test_unavailable (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (fixture->dir, "not-a-folder", NULL);
  g_autofree char *path = g_build_filename (blocker, "journal.sqlite3", NULL);
  g_autoptr(SaJournal) journal = sa_journal_new (path);
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (blocker, "a file where a folder should be", -1, &error);
  g_assert_no_error (error);

  g_assert_false (journal_test_open (journal, &error));
  g_assert_error (error, SA_JOURNAL_ERROR, SA_JOURNAL_ERROR_UNAVAILABLE);
  g_clear_error (&error);
  all = journal_test_list (journal, &error);
  g_assert_null (all);
  g_assert_error (error, SA_JOURNAL_ERROR, SA_JOURNAL_ERROR_UNAVAILABLE);
}

/* ------------------------------------------------------------------------ */
/* Two writers at once */

#define ROWS_PER_WRITER 40

static const char *self_exe;

/* The child: adds @count hand-offs to the journal at @path. */
static int
write_many (const char *path,
            int         count)
{
  g_autoptr(SaJournal) journal = sa_journal_new (path);
  g_autoptr(GDateTime) when = journal_test_date (2026, 11, 24);

  for (int i = 0; i < count; i++)
    {
      g_autofree char *order = g_strdup_printf ("%d%05d", getpid (), i);
      g_autoptr(SaHandOff) hand_off = journal_test_assign (order, "acme-industrie.fr", "Paris", NULL, when);
      g_autoptr(GError) error = NULL;
      int attempt = 0;

      /* Busy with another instance: the app says "try again in a moment";
       * so does this writer, a few times, as a user would. */
      while (journal_test_add (journal, hand_off, &error) == 0)
        {
          if (++attempt == 5)
            {
              g_printerr ("writer %d: %s\n", getpid (), error->message);
              return 1;
            }
          g_clear_error (&error);
          g_usleep (200 * 1000);
        }
    }
  return 0;
}

static void
assert_intact (const char *path,
               int         rows)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(DISTINCT subject) FROM hand_offs", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, rows);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
on_child_exited (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_wait_check_finish (G_SUBPROCESS (object), result, &error);
  g_assert_no_error (error);
  (*(guint *) user_data)++;
}

static void
test_two_processes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *count = g_strdup_printf ("%d", ROWS_PER_WRITER);
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GError) error = NULL;
  guint exited = 0;

  /* Two other instances of the app and this one, all writing at once. */
  first = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, self_exe, "--writer", fixture->path, count, NULL);
  g_assert_no_error (error);
  second = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, self_exe, "--writer", fixture->path, count, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check_async (first, NULL, on_child_exited, &exited);
  g_subprocess_wait_check_async (second, NULL, on_child_exited, &exited);

  g_assert_cmpint (write_many (fixture->path, ROWS_PER_WRITER), ==, 0);
  while (exited < 2)
    g_main_context_iteration (NULL, TRUE);

  drop_journal (&fixture->journal);
  assert_intact (fixture->path, 3 * ROWS_PER_WRITER);
}

static void
test_two_connections (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SaJournal) other = sa_journal_new (fixture->path);
  g_autoptr(GDateTime) when = journal_test_date (2026, 11, 24);
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  GAsyncResult *slots[2 * ROWS_PER_WRITER] = { NULL };
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GError) error = NULL;

  /* Both journals' writes are queued at once and run on worker threads. */
  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    {
      g_autofree char *order = g_strdup_printf ("7%05u", i);
      g_autoptr(SaHandOff) hand_off = journal_test_assign (order, "acme-industrie.fr", "Paris", NULL, when);

      sa_journal_add_async (i % 2 ? other : fixture->journal, hand_off, NULL, core_test_on_ready, &slots[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    {
      g_autoptr(GAsyncResult) result = journal_test_wait (&slots[i]);

      g_assert_cmpint (sa_journal_add_finish (i % 2 ? other : fixture->journal, result, &error), >, 0);
      g_assert_no_error (error);
    }

  all = journal_test_list (other, &error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, G_N_ELEMENTS (slots));
  drop_journal (&fixture->journal);
  g_clear_object (&other);
  assert_intact (fixture->path, G_N_ELEMENTS (slots));
}

/* ------------------------------------------------------------------------ */
/* Messages */

static void
test_messages_translated (void)
{
  static const struct {
    const char *language;
    const char *corrupt;
    const char *busy;
  } expected[] = {
    { "en", "The journal was damaged", "Another Smart Account Desk window" },
    { "fr", "Le journal était endommagé", "Une autre fenêtre de Smart Account Desk" },
    { "it", "Il registro era danneggiato", "Un'altra finestra di Smart Account Desk" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GError) corrupt = NULL;
      g_autoptr(GError) busy = NULL;
      g_autoptr(GError) invalid = NULL;
      g_autoptr(SaHandOff) hand_off = sa_hand_off_new (SA_HAND_OFF_ASSIGN_ORDER, "104857601");

      core_test_set_language (expected[i].language);
      corrupt = sa_journal_error_new (SA_JOURNAL_ERROR_CORRUPT, "/tmp/journal.sqlite3.damaged-1", "detail");
      busy = sa_journal_error_new (SA_JOURNAL_ERROR_BUSY, NULL, NULL);
      g_assert_true (g_str_has_prefix (corrupt->message, expected[i].corrupt));
      g_assert_nonnull (strstr (corrupt->message, "/tmp/journal.sqlite3.damaged-1"));
      g_assert_true (g_str_has_prefix (busy->message, expected[i].busy));

      /* Every code has a sentence of its own in each language. */
      for (int code = SA_JOURNAL_ERROR_FAILED; code <= SA_JOURNAL_ERROR_EXPORT_FAILED; code++)
        {
          g_autoptr(GError) error = sa_journal_error_new (code, "/tmp/x", NULL);

          g_assert_cmpuint (strlen (error->message), >, 20);
        }

      sa_hand_off_set_slot (hand_off, SA_HAND_OFF_SLOT_HOLDING);
      g_assert_false (sa_hand_off_validate (hand_off, &invalid));
      g_assert_nonnull (strstr (invalid->message,
                                sa_hand_off_field_get_label (SA_HAND_OFF_FIELD_DOMAIN)));
    }
  core_test_set_language ("en");
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--writer"))
    return write_many (argv[2], (int) g_ascii_strtoll (argv[3], NULL, 10));

  self_exe = argv[0];
  g_test_init (&argc, &argv, NULL);
  core_test_init_l10n ("en");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/journal/add-list-update-remove", test_add_list_update_remove);
  ADD ("/journal/narrow-writes", test_narrow_writes);
  ADD ("/journal/survives-restart", test_survives_restart);
  ADD ("/journal/lists", test_lists);
  ADD ("/journal/changed-and-invalid", test_changed_and_invalid);
  ADD ("/journal/corrupt-file", test_corrupt_file);
  ADD ("/journal/damaged-pages", test_damaged_pages);
  ADD ("/journal/newer-version", test_newer_version);
  ADD ("/journal/foreign-database", test_foreign_database);
  ADD ("/journal/unavailable", test_unavailable);
  ADD ("/journal/two-processes", test_two_processes);
  ADD ("/journal/two-connections", test_two_connections);
  g_test_add_func ("/journal/messages-translated", test_messages_translated);

  return g_test_run ();
}
