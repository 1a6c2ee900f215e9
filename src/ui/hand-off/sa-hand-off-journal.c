/* sa-hand-off-journal.c — the journal the hand-off page records into
 *
 * "Done in the Portal" records each hand-off in the journal (core's
 * #SaJournal, docs/journal.md) in state handed off; "Not Now" keeps it there
 * as a draft. The writes run on the journal's worker; they outlive the page
 * that asked, and a failure is shown as a toast over the window the page was
 * for. The application owns the journal (sa_application_get_journal()), so
 * that the views and the watch see every entry the page records; a test may
 * set its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-application.h"
#include "sa-hand-off-private.h"
#include "sa-ui-util.h"

static SaJournal *shared_journal;

/**
 * sa_hand_off_journal_get:
 *
 * The journal of the running app: the one set with sa_hand_off_journal_set(),
 * else the application's (sa_application_get_journal()), else — with no
 * SaApplication, as in a widget test — the journal at
 * sa_journal_dup_default_path(), created on first use (opening happens with
 * the first call, on the journal's worker).
 *
 * Returns: (transfer none): the journal
 */
SaJournal *
sa_hand_off_journal_get (void)
{
  GApplication *app = g_application_get_default ();

  if (shared_journal == NULL && SA_IS_APPLICATION (app) &&
      sa_application_get_journal (SA_APPLICATION (app)) != NULL)
    return sa_application_get_journal (SA_APPLICATION (app));

  if (shared_journal == NULL)
    shared_journal = sa_journal_new (NULL);

  return shared_journal;
}

/**
 * sa_hand_off_journal_set:
 * @journal: (nullable): the journal to record into, or %NULL for the default
 *
 * Makes the hand-off page record into @journal (the application's, or a
 * test's own).
 */
void
sa_hand_off_journal_set (SaJournal *journal)
{
  g_return_if_fail (journal == NULL || SA_IS_JOURNAL (journal));

  g_set_object (&shared_journal, journal);
}

typedef struct
{
  GWeakRef widget;
} RecordData;

static void
record_data_free (RecordData *data)
{
  g_weak_ref_clear (&data->widget);
  g_free (data);
}

static void
record_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  RecordData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&data->widget);
  gboolean ok;

  if (g_task_get_source_tag (G_TASK (result)) == sa_journal_add_async)
    ok = sa_journal_add_finish (SA_JOURNAL (source), result, &error) > 0;
  else
    ok = sa_journal_update_finish (SA_JOURNAL (source), result, &error);

  if (!ok)
    {
      g_debug ("Recording the hand-off failed: %s", error->message);
      if (widget != NULL)
        sa_ui_show_toast (widget, error->message);
    }

  record_data_free (data);
}

/**
 * sa_hand_off_record:
 * @hand_offs: (element-type SaHandOff): the prepared hand-offs
 * @state: %SA_HAND_OFF_STATE_HANDED_OFF ("Done in the Portal") or
 *   %SA_HAND_OFF_STATE_DRAFT ("Not Now")
 * @toast_widget: (nullable): a widget under the toast overlay where a failure
 *   is shown (a weak reference is kept)
 *
 * Records each hand-off in the journal: added in @state (handed off stamps
 * the hand-off date), or, for one already in it as a draft, moved to @state.
 * Nothing is called done before the watch's reads confirm it.
 */
void
sa_hand_off_record (GPtrArray      *hand_offs,
                    SaHandOffState  state,
                    GtkWidget      *toast_widget)
{
  SaJournal *journal = sa_hand_off_journal_get ();

  g_return_if_fail (hand_offs != NULL);

  for (guint i = 0; i < hand_offs->len; i++)
    {
      SaHandOff *hand_off = g_ptr_array_index (hand_offs, i);
      RecordData *data = g_new0 (RecordData, 1);

      g_weak_ref_init (&data->widget, toast_widget);
      if (sa_hand_off_get_id (hand_off) > 0)
        {
          sa_journal_set_state_async (journal, hand_off, state, NULL, record_cb, data);
          continue;
        }

      sa_hand_off_set_state (hand_off, state);
      sa_journal_add_async (journal, hand_off, NULL, record_cb, data);
    }
}
