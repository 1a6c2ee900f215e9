/* sa-ui-test-wizards.c — the wizards in the UI tests and what they leave on
 * disk: focus, the conditions they are waited on, the access request
 * wizard's candidates, drafts in a state directory of the test's own, and the
 * hand-off journal; declared in sa-ui-test-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "core-test-util.h"
#include "sa-access-request-wizard-private.h"
#include "sa-profile-editor.h"
#include "sa-ui-test-util.h"

/* ---- The wizards: focus, drafts, the state directory ---- */

/**
 * sa_test_has_focus_in:
 * @window: a toplevel
 * @widget: a widget of @window
 *
 * Returns: %TRUE when the focus of @window is @widget or inside it (an
 *   entry row's text, a wizard page's first field)
 */
gboolean
sa_test_has_focus_in (GtkWidget *window,
                      GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/**
 * sa_test_profile_loaded:
 * @profile_editor: an #SaProfileEditor
 *
 * An #SaTestCondition: the editor shows the user's profile.
 *
 * Returns: %TRUE once the profile is loaded and the editor not busy
 */
gboolean
sa_test_profile_loaded (gpointer profile_editor)
{
  SaProfileEditor *editor = profile_editor;

  return sa_profile_editor_get_profile (editor) != NULL && !sa_profile_editor_get_busy (editor);
}

/**
 * sa_test_access_wizard_idle:
 * @access_wizard: an #SaAccessRequestWizard
 *
 * An #SaTestCondition: the wizard waits for no answer (a lookup, a sending).
 *
 * Returns: %TRUE while the wizard is not busy
 */
gboolean
sa_test_access_wizard_idle (gpointer access_wizard)
{
  return !sa_access_request_wizard_get_busy (SA_ACCESS_REQUEST_WIZARD (access_wizard));
}

/**
 * sa_test_access_wizard_ready:
 * @access_wizard: an #SaAccessRequestWizard
 *
 * An #SaTestCondition: the wizard is idle and its profile editor has the
 * user's profile (what a newly opened wizard is waited for).
 *
 * Returns: %TRUE once it is
 */
gboolean
sa_test_access_wizard_ready (gpointer access_wizard)
{
  SaAccessRequestWizard *wizard = access_wizard;

  return !sa_access_request_wizard_get_busy (wizard) &&
         sa_profile_editor_get_profile (sa_access_request_wizard_get_profile_editor (wizard)) != NULL;
}

/**
 * sa_test_find_candidate_id:
 * @wizard: an access request wizard that looked a domain up
 * @name: the Account Name of one of the Smart Accounts it offers
 *
 * Fails the test when the wizard offers no such account.
 *
 * Returns: (transfer none): that account's id
 */
const char *
sa_test_find_candidate_id (SaAccessRequestWizard *wizard,
                           const char            *name)
{
  GListModel *candidates = sa_access_request_wizard_get_candidates (wizard);

  g_assert_nonnull (candidates);
  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(SaSmartAccount) account = g_list_model_get_item (candidates, i);

      if (g_strcmp0 (sa_smart_account_get_name (account), name) == 0)
        return sa_smart_account_get_id (account);
    }

  g_assert_not_reached ();
}

/**
 * sa_test_draft_looked_for:
 * @wizard: an #SaWizard
 *
 * An #SaTestCondition: the wizard looked for its saved draft (found none, or
 * offers it in its banner).
 *
 * Returns: %TRUE once the draft is no longer being loaded
 */
gboolean
sa_test_draft_looked_for (gpointer wizard)
{
  gboolean loading;

  g_object_get (wizard, "draft-loading", &loading, NULL);

  return !loading;
}

/**
 * sa_test_draft_offered:
 * @wizard: an #SaWizard
 *
 * An #SaTestCondition: the banner offers the saved draft back.
 *
 * Returns: %TRUE while the draft is offered
 */
gboolean
sa_test_draft_offered (gpointer wizard)
{
  gboolean offered;

  g_object_get (wizard, "draft-offered", &offered, NULL);

  return offered;
}

/**
 * sa_test_load_draft:
 * @name: a draft's name, %SA_DRAFT_ACCOUNT_REQUEST or %SA_DRAFT_ACCESS_REQUEST
 *
 * Returns: (transfer full) (nullable): the draft as saved on disk, or %NULL
 *   when there is none
 */
GVariant *
sa_test_load_draft (const char *name)
{
  g_autoptr(GError) error = NULL;
  GVariant *draft = core_test_draft_load (name, &error);

  g_assert_no_error (error);

  return draft;
}

/**
 * sa_test_try_load_draft:
 * @name: a draft's name
 *
 * Like sa_test_load_draft(), for a draft that may be being written: GIO
 * writes a new file in place (it replaces atomically only a file that
 * exists), so a draft saved for the first time can be read half-way.
 *
 * Returns: (transfer full) (nullable): the draft when it reads whole, else
 *   %NULL
 */
GVariant *
sa_test_try_load_draft (const char *name)
{
  g_autoptr(GError) error = NULL;
  GVariant *draft = core_test_draft_load (name, &error);

  if (error != NULL)
    g_test_message ("The draft “%s” does not read whole yet: %s", name, error->message);

  return draft;
}

/**
 * sa_test_draft_saved:
 * @name: a draft's name (a `const char *` passed as the condition's data)
 *
 * An #SaTestCondition: the draft @name is on disk and reads whole.
 *
 * Returns: %TRUE once it does
 */
gboolean
sa_test_draft_saved (gpointer name)
{
  g_autoptr(GVariant) draft = sa_test_try_load_draft (name);

  return draft != NULL;
}

/**
 * sa_test_remove_draft:
 * @name: a draft's name
 *
 * Removes the saved draft, if any.
 */
void
sa_test_remove_draft (const char *name)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (core_test_draft_remove (name, &error));
  g_assert_no_error (error);
}

/**
 * sa_test_use_state_dir:
 * @tmpl: a template for g_dir_make_tmp(), "sa-ui-…-XXXXXX"
 *
 * Gives the program a fresh XDG_STATE_HOME, where the wizards keep their
 * drafts. Call it before anything asks GLib for the state directory (GLib
 * reads it once).
 *
 * Returns: (transfer full): the directory, for sa_test_remove_state_dir()
 */
char *
sa_test_use_state_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *state_dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);

  return state_dir;
}

/**
 * sa_test_remove_state_dir:
 * @state_dir: (transfer full): the directory from sa_test_use_state_dir()
 *
 * Removes the directory with the drafts left in it.
 */
void
sa_test_remove_state_dir (char *state_dir)
{
  core_test_remove_tree (state_dir);
  g_free (state_dir);
}

/* ---- The hand-off journal ---- */

/**
 * sa_test_open_journal:
 * @dir: a directory of the test's own
 * @name: the journal's file name in @dir
 *
 * Returns: (transfer full): the journal @dir/@name, opened (created when
 *   new); fails the test otherwise
 */
SaJournal *
sa_test_open_journal (const char *dir,
                      const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  SaJournal *journal = sa_journal_new (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  sa_journal_open_async (journal, NULL, sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  g_assert_true (sa_journal_open_finish (journal, result, &error));
  g_assert_no_error (error);

  return journal;
}

/**
 * sa_test_add_hand_off:
 * @journal: an open journal
 * @hand_off: a new entry
 *
 * Adds @hand_off to @journal; fails the test unless it gets an id.
 */
void
sa_test_add_hand_off (SaJournal *journal,
                      SaHandOff *hand_off)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  sa_journal_add_async (journal, hand_off, NULL, sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  g_assert_cmpint (sa_journal_add_finish (journal, result, &error), >, 0);
  g_assert_no_error (error);
}

/**
 * sa_test_find_hand_off:
 * @journal: the journal
 * @id: an entry's id
 *
 * Returns: (transfer full) (nullable): the entry, read back from @journal
 */
SaHandOff *
sa_test_find_hand_off (SaJournal *journal,
                       gint64     id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GError) error = NULL;

  sa_journal_list_async (journal, NULL, sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  all = sa_journal_list_finish (journal, result, &error);
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
 * sa_test_hand_off_state_reached:
 * @user_data: a #SaTestHandOffState
 *
 * A condition for sa_test_wait_until(): the entry is in the state asked for.
 */
gboolean
sa_test_hand_off_state_reached (gpointer user_data)
{
  SaTestHandOffState *query = user_data;
  g_autoptr(SaHandOff) hand_off = sa_test_find_hand_off (query->journal, query->id);

  return hand_off != NULL && sa_hand_off_get_state (hand_off) == query->state;
}
