/* journal-test-util.c — waiting for the journal's calls, scratch folders,
 * languages and hand-off fixtures, for the tests of src/core/journal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "journal-test-util.h"

#define WAIT_SECONDS 30

/**
 * journal_test_wait:
 *
 * Runs the default main context until *@slot, given to core_test_on_ready(),
 * is set (30 s at most), looking every millisecond.
 *
 * Returns: (transfer full): the result, taken from @slot
 */
GAsyncResult *
journal_test_wait (GAsyncResult **slot)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (*slot == NULL)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("An async call did not complete within %d s", WAIT_SECONDS);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return g_steal_pointer (slot);
}

/**
 * journal_test_run_until:
 *
 * Runs the default main context until @done (@data) holds, @timeout_ms at
 * most.
 *
 * Returns: whether @done held in time
 */
gboolean
journal_test_run_until (gboolean (*done) (gpointer data),
                        gpointer   data,
                        guint      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

/**
 * journal_test_make_dir:
 *
 * Returns: (transfer full): a new scratch folder
 */
char *
journal_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("sa-journal-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/**
 * journal_test_remove_dir:
 *
 * Removes @dir and the files in it (one level, as the journal makes them).
 */
void
journal_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

/**
 * journal_test_open:
 *
 * sa_journal_open_async(), waited for.
 */
gboolean
journal_test_open (SaJournal  *journal,
                   GError    **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_journal_open_async (journal, NULL, core_test_on_ready, &slot);
  result = journal_test_wait (&slot);
  return sa_journal_open_finish (journal, result, error);
}

/**
 * journal_test_add:
 *
 * sa_journal_add_async(), waited for.
 */
gint64
journal_test_add (SaJournal  *journal,
                  SaHandOff  *hand_off,
                  GError    **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_journal_add_async (journal, hand_off, NULL, core_test_on_ready, &slot);
  result = journal_test_wait (&slot);
  return sa_journal_add_finish (journal, result, error);
}

/**
 * journal_test_update:
 *
 * sa_journal_update_async(), waited for.
 */
gboolean
journal_test_update (SaJournal  *journal,
                     SaHandOff  *hand_off,
                     GError    **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_journal_update_async (journal, hand_off, NULL, core_test_on_ready, &slot);
  result = journal_test_wait (&slot);
  return sa_journal_update_finish (journal, result, error);
}

/**
 * journal_test_remove:
 *
 * sa_journal_remove_async(), waited for.
 */
gboolean
journal_test_remove (SaJournal  *journal,
                     SaHandOff  *hand_off,
                     GError    **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_journal_remove_async (journal, hand_off, NULL, core_test_on_ready, &slot);
  result = journal_test_wait (&slot);
  return sa_journal_remove_finish (journal, result, error);
}

/**
 * journal_test_list:
 *
 * sa_journal_list_async(), waited for.
 */
GListModel *
journal_test_list (SaJournal  *journal,
                   GError    **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_journal_list_async (journal, NULL, core_test_on_ready, &slot);
  result = journal_test_wait (&slot);
  return sa_journal_list_finish (journal, result, error);
}

/**
 * journal_test_list_open:
 *
 * sa_journal_list_open_async(), waited for; fails the test on an error.
 */
GListModel *
journal_test_list_open (SaJournal *journal)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model;

  sa_journal_list_open_async (journal, NULL, core_test_on_ready, &slot);
  result = journal_test_wait (&slot);
  model = sa_journal_list_finish (journal, result, &error);
  g_assert_no_error (error);
  return model;
}

/**
 * journal_test_find:
 *
 * Returns: (transfer full) (nullable): the hand-off @id as the journal has
 *   it now, read back from disk
 */
SaHandOff *
journal_test_find (SaJournal *journal,
                   gint64     id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = journal_test_list (journal, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(SaHandOff) hand_off = g_list_model_get_item (all, i);

      if (sa_hand_off_get_id (hand_off) == id)
        return g_steal_pointer (&hand_off);
    }
  return NULL;
}

/**
 * journal_test_date:
 *
 * Returns: (transfer full): @year-@month-@day at 09:00 UTC
 */
GDateTime *
journal_test_date (int year,
                   int month,
                   int day)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return g_date_time_new (utc, year, month, day, 9, 0, 0);
}

/**
 * journal_test_assign:
 *
 * Returns: (transfer full): procedure 1 handed off at @handed_off: order
 *   @order_number to the End Customer Smart Account @domain, Virtual Account
 *   @virtual_account (and @intended_virtual_account when DEFAULT stands in
 *   for a double-byte name)
 */
SaHandOff *
journal_test_assign (const char *order_number,
                     const char *domain,
                     const char *virtual_account,
                     const char *intended_virtual_account,
                     GDateTime  *handed_off)
{
  SaHandOff *hand_off = sa_hand_off_new (SA_HAND_OFF_ASSIGN_ORDER, order_number);

  sa_hand_off_set_slot (hand_off, SA_HAND_OFF_SLOT_END_CUSTOMER);
  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_DOMAIN, domain);
  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_ACCOUNT_NAME, "Acme Industrie");
  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_VIRTUAL_ACCOUNT, virtual_account);
  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_INTENDED_VIRTUAL_ACCOUNT, intended_virtual_account);
  sa_hand_off_set_handed_off (hand_off, handed_off);
  sa_hand_off_set_state (hand_off, SA_HAND_OFF_STATE_HANDED_OFF);
  return hand_off;
}

/**
 * journal_test_account_request:
 *
 * Returns: (transfer full): procedure 3 for @domain, handed off at @handed_off
 */
SaHandOff *
journal_test_account_request (const char *domain,
                              GDateTime  *handed_off)
{
  SaHandOff *hand_off = sa_hand_off_new (SA_HAND_OFF_REQUEST_SMART_ACCOUNT, domain);
  const char * const users[] = { "paolo@trattoria-mario.example", "anna@trattoria-mario.example", NULL };

  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_ACCOUNT_NAME, "Trattoria Da Mario");
  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_CUSTOMER_EMAIL, "mario@trattoria-mario.example");
  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_NOTE_TO_CUSTOMER, "Please accept, Mario.");
  sa_hand_off_set_user_emails (hand_off, users);
  sa_hand_off_set_handed_off (hand_off, handed_off);
  sa_hand_off_set_state (hand_off, SA_HAND_OFF_STATE_HANDED_OFF);
  return hand_off;
}

/**
 * journal_test_access_request:
 *
 * Returns: (transfer full): procedure 4 for @domain, handed off at @handed_off
 */
SaHandOff *
journal_test_access_request (const char *domain,
                             GDateTime  *handed_off)
{
  SaHandOff *hand_off = sa_hand_off_new (SA_HAND_OFF_REQUEST_ACCESS, domain);

  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_REASON, "Support contract renewal");
  sa_hand_off_set_handed_off (hand_off, handed_off);
  sa_hand_off_set_state (hand_off, SA_HAND_OFF_STATE_HANDED_OFF);
  return hand_off;
}
