/* test-ui-window-shortcuts.c — the main window's keys (issue 11, "Getting
 * around") and the Keyboard Shortcuts window that lists them
 *
 * On the real main window over the real sandbox: Alt+1, Alt+2, Alt+3 show
 * the views in the switcher's order, Ctrl+Page Down and Ctrl+Page Up the
 * next and previous (before a scrolled list can take them); Ctrl+Shift+N
 * opens "Request Access to an Existing Smart Account"; F9 shows and hides
 * the Orders list's procedure panel. The application binds Ctrl+? once.
 * The Keyboard Shortcuts window lists these keys, and calls Ctrl+Return
 * "Soumettre la modification" in French, as the glossary does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sa-application.h"
#include "sa-procedure-panel.h"
#include "sa-ui-test-util.h"
#include "sa-ui-util.h"

#define HELP_OVERLAY "/io/github/sadesk/SmartAccountDesk/gtk/help-overlay.ui"

static SaTestSandbox *sandbox;

/* Presses @accelerator on @window, as its shortcut would. */
static void
press (GtkWidget  *window,
       const char *accelerator)
{
  GtkShortcut *shortcut = sa_test_find_shortcut (window, accelerator, NULL);

  if (shortcut == NULL)
    g_error ("The main window does not bind %s", accelerator);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, window,
                                               gtk_shortcut_get_arguments (shortcut)));
}

static const char *
visible_view (SaWindow *window)
{
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), SA_TYPE_WINDOW, "view_stack"));

  return adw_view_stack_get_visible_child_name (stack);
}

/* The accelerators the Keyboard Shortcuts window lists, by title. */
static void
collect_listed (GtkWidget  *widget,
                GHashTable *keys)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      char *title = NULL;
      char *accelerator = NULL;

      g_object_get (widget, "title", &title, "accelerator", &accelerator, NULL);
      g_hash_table_replace (keys, title, accelerator);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_listed (child, keys);
}

static GHashTable *
dup_listed_keys (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (HELP_OVERLAY);
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  collect_listed (overlay, keys);
  gtk_window_destroy (GTK_WINDOW (overlay));
  return keys;
}

static gboolean
access_wizard_open (gpointer user_data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (G_OBJECT_TYPE_NAME (toplevel), "SaAccessRequestWizard") == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_views (void)
{
  SaWindow *window = sa_test_new_window (sandbox);
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr(GHashTable) keys = dup_listed_keys ();
  GtkPropagationPhase phase = GTK_PHASE_NONE;

  /* Listed in the Keyboard Shortcuts window. */
  g_assert_cmpstr (g_hash_table_lookup (keys, "Show the First, Second… View"), ==, "<Alt>1...<Alt>4");
  g_assert_cmpstr (g_hash_table_lookup (keys, "Previous View"), ==, "<Control>Page_Up");
  g_assert_cmpstr (g_hash_table_lookup (keys, "Next View"), ==, "<Control>Page_Down");
  g_assert_cmpstr (g_hash_table_lookup (keys, "Request Access to an Existing Smart Account"), ==,
                   "<Control><Shift>n");

  g_assert_cmpstr (visible_view (window), ==, "orders");
  press (widget, "<Alt>3");
  g_assert_cmpstr (visible_view (window), ==, "access-requests");
  press (widget, "<Alt>2");
  g_assert_cmpstr (visible_view (window), ==, "account-requests");
  press (widget, "<Alt>1");
  g_assert_cmpstr (visible_view (window), ==, "orders");

  /* Next and previous, around the ends, past the hidden Smart Accounts view. */
  press (widget, "<Control>Page_Down");
  g_assert_cmpstr (visible_view (window), ==, "account-requests");
  press (widget, "<Control>Page_Down");
  g_assert_cmpstr (visible_view (window), ==, "access-requests");
  press (widget, "<Control>Page_Down");
  g_assert_cmpstr (visible_view (window), ==, "orders");
  press (widget, "<Control>Page_Up");
  g_assert_cmpstr (visible_view (window), ==, "access-requests");

  /* Before the focused widget: a scrolled window binds Ctrl+Page Up too. */
  g_assert_nonnull (sa_test_find_shortcut (widget, "<Control>Page_Up", &phase));
  g_assert_cmpint (phase, ==, GTK_PHASE_CAPTURE);
  g_assert_nonnull (sa_test_find_shortcut (widget, "<Alt>2", &phase));
  g_assert_cmpint (phase, ==, GTK_PHASE_CAPTURE);

  /* Request Access. */
  press (widget, "<Control><Shift>n");
  g_assert_true (sa_test_wait_until (access_wizard_open, NULL, 5000));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* F9 on the Orders list: the panel beside the list shows and hides. */
static void
test_procedure_panel (void)
{
  SaWindow *window = sa_test_new_window (sandbox);
  GtkWidget *orders = GTK_WIDGET (sa_window_get_orders_view (window));
  GtkWidget *panel = sa_test_find_widget_of_type (orders, SA_TYPE_PROCEDURE_PANEL);
  gboolean shown = g_settings_get_boolean (sa_ui_get_settings (), "show-procedure-panel");
  AdwFlap *flap;

  g_assert_nonnull (panel);
  g_assert_true (ADW_IS_FLAP (gtk_widget_get_parent (panel)));
  flap = ADW_FLAP (gtk_widget_get_parent (panel));
  g_assert_cmpint (adw_flap_get_reveal_flap (flap), ==, shown);
  press (GTK_WIDGET (window), "F9");
  g_assert_cmpint (g_settings_get_boolean (sa_ui_get_settings (), "show-procedure-panel"), ==, !shown);
  g_assert_cmpint (adw_flap_get_reveal_flap (flap), ==, !shown);
  press (GTK_WIDGET (window), "F9");
  g_assert_cmpint (adw_flap_get_reveal_flap (flap), ==, shown);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Ctrl+? once: GtkApplication binds it to win.show-help-overlay when it finds
 * gtk/help-overlay.ui, the application to app.shortcuts. */
static void
test_help_bound_once (void)
{
  g_autoptr(SaApplication) application = sa_application_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) actions = NULL;

  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);

  actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (application), "<Control>question");
  g_assert_cmpuint (g_strv_length (actions), ==, 1);
  g_assert_cmpstr (actions[0], ==, "app.shortcuts");
}

/* The glossary's "Soumettre la modification" in the Keyboard Shortcuts window. */
static void
test_french_terms (void)
{
  g_autoptr(GHashTable) keys = NULL;
  GHashTableIter iter;
  gpointer title, accelerator;
  gboolean found = FALSE;

  sa_test_set_language ("fr");
  keys = dup_listed_keys ();
  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, &title, &accelerator))
    if (g_strcmp0 (accelerator, "<Control>Return") == 0)
      {
        g_assert_cmpstr (title, ==, "Soumettre la modification");
        found = TRUE;
      }
  g_assert_true (found);
  sa_test_set_language ("en");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  sa_test_init_gtk (&argc, &argv);
  sa_test_set_language ("en");
  sandbox = sa_test_sandbox_new ();

  g_test_add_func ("/ui/window-shortcuts/views", test_views);
  g_test_add_func ("/ui/window-shortcuts/procedure-panel", test_procedure_panel);
  g_test_add_func ("/ui/window-shortcuts/help-bound-once", test_help_bound_once);
  g_test_add_func ("/ui/window-shortcuts/french-terms", test_french_terms);

  status = g_test_run ();

  sa_test_sandbox_free (sandbox);

  return status;
}
