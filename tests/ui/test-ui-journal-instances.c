/* test-ui-journal-instances.c — two app instances and one journal (issue 10:
 * "concurrent app instances: single instance holds, the database is not
 * damaged")
 *
 * The test registers the application (its startup opens the journal in the
 * user's data directory, a directory of the test's own), then runs this same
 * program twice more, at once, with SA_TEST_JOURNAL_WRITER set: each child
 * registers the application too and must find itself remote (the
 * single-instance check on the session bus), then, as an instance the check
 * did not hold back would (another session, the command line), opens the
 * same file with its own SaJournal and adds entries while the first instance
 * adds its own. Once all are done, every entry is there, the file opens
 * again without complaint, and a second SaJournal in this process sees the
 * same rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "sa-application.h"
#include "sa-ui-test-util.h"

#define N_ENTRIES 30

static char *data_dir;

static void
add_entries (SaJournal  *journal,
             const char *prefix)
{
  for (guint i = 0; i < N_ENTRIES; i++)
    {
      g_autofree char *subject = g_strdup_printf ("%s-%02u.example", prefix, i);
      g_autoptr(SaHandOff) hand_off = sa_hand_off_new (SA_HAND_OFF_REQUEST_SMART_ACCOUNT, subject);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;

      sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_DOMAIN, subject);
      sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_ACCOUNT_NAME, prefix);
      sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_CUSTOMER_EMAIL, "it@instances.example");
      sa_hand_off_set_state (hand_off, SA_HAND_OFF_STATE_HANDED_OFF);
      sa_journal_add_async (journal, hand_off, NULL, sa_test_async_ready_cb, NULL);
      result = sa_test_wait_for_result ();
      if (sa_journal_add_finish (journal, result, &error) <= 0)
        g_error ("%s: adding entry %u: %s", prefix, i, error ? error->message : "no id");
    }
}

static GListModel *
list_all (SaJournal *journal)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *all;

  sa_journal_list_async (journal, NULL, sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  all = sa_journal_list_finish (journal, result, &error);
  g_assert_no_error (error);
  return all;
}

/* The child: a second instance. */
static int
run_writer (const char *prefix)
{
  /* Kept to the end: GApplication unregisters from the bus only in
   * g_application_run(), and warns when finalized still registered. */
  SaApplication *app = sa_application_new ();
  g_autoptr(SaJournal) journal = sa_journal_new (NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("register: %s", error->message);
  if (!g_application_get_is_remote (G_APPLICATION (app)))
    {
      g_printerr ("%s: the single-instance check did not hold\n", prefix);
      return 2;
    }

  sa_journal_open_async (journal, NULL, sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  if (!sa_journal_open_finish (journal, result, &error))
    g_error ("open: %s", error->message);
  add_entries (journal, prefix);
  return 0;
}

static void
on_child_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  guint *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, &error));
  g_assert_no_error (error);
  (*done)++;
}

static gboolean
children_done (gpointer user_data)
{
  return *(guint *) user_data == 2;
}

static GSubprocess *
spawn_writer (const char *prefix)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  GSubprocess *child;

  g_subprocess_launcher_setenv (launcher, "SA_TEST_JOURNAL_WRITER", prefix, TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, "/proc/self/exe", NULL);
  g_assert_no_error (error);
  return child;
}

static gboolean
journal_ready (gpointer user_data)
{
  return sa_application_get_journal (user_data) != NULL;
}

static void
test_two_instances (void)
{
  /* Kept to the end, as in run_writer(). */
  SaApplication *app = sa_application_new ();
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) again = NULL;
  g_autoptr(GHashTable) subjects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(SaJournal) other = NULL;
  g_autoptr(GError) error = NULL;
  SaJournal *journal;
  guint done = 0;

  /* The first instance: primary on the bus, its journal open. */
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));
  g_assert_true (sa_test_wait_until (journal_ready, app, 10000));
  journal = sa_application_get_journal (app);

  /* Two more at once, each adding entries while this one adds its own. */
  first = spawn_writer ("instance-b");
  second = spawn_writer ("instance-c");
  g_subprocess_wait_check_async (first, NULL, on_child_done, &done);
  g_subprocess_wait_check_async (second, NULL, on_child_done, &done);
  add_entries (journal, "instance-a");
  g_assert_true (sa_test_wait_until (children_done, &done, 60000));

  /* Every entry is there, once. */
  all = list_all (journal);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 3 * N_ENTRIES);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(SaHandOff) hand_off = g_list_model_get_item (all, i);

      g_assert_true (g_hash_table_add (subjects, g_strdup (sa_hand_off_get_subject (hand_off))));
    }
  for (guint i = 0; i < N_ENTRIES; i++)
    for (guint p = 0; p < 3; p++)
      {
        g_autofree char *subject = g_strdup_printf ("instance-%c-%02u.example", 'a' + p, i);

        g_assert_true (g_hash_table_contains (subjects, subject));
      }

  /* The file is sound: a new connection opens it and reads the same rows. */
  other = sa_journal_new (NULL);
  {
    g_autoptr(GAsyncResult) result = NULL;

    sa_journal_open_async (other, NULL, sa_test_async_ready_cb, NULL);
    result = sa_test_wait_for_result ();
    g_assert_true (sa_journal_open_finish (other, result, &error));
    g_assert_no_error (error);
  }
  again = list_all (other);
  g_assert_cmpuint (g_list_model_get_n_items (again), ==, 3 * N_ENTRIES);
}

int
main (int   argc,
      char *argv[])
{
  const char *writer = g_getenv ("SA_TEST_JOURNAL_WRITER");
  g_autoptr(GError) error = NULL;

  if (writer == NULL)
    {
      /* The user's data directory, the children's too: the test's own. */
      data_dir = g_dir_make_tmp ("sa-journal-instances-XXXXXX", &error);
      g_assert_no_error (error);
      g_setenv ("XDG_DATA_HOME", data_dir, TRUE);
    }

  /* A second instance registers and writes. */
  if (writer != NULL)
    {
      if (!gtk_init_check ())
        g_error ("%s: no display", writer);
      return run_writer (writer);
    }
  sa_test_init_gtk (&argc, &argv);

  g_test_add_func ("/ui/journal/two-instances", test_two_instances);

  return g_test_run ();
}
