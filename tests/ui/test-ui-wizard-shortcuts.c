/* test-ui-wizard-shortcuts.c — the keys the Keyboard Shortcuts window lists
 * for the wizards are the keys SaWizard binds, and they do what it says
 *
 * Reads the "Wizards" group of the Keyboard Shortcuts window (Alt+Left
 * Back, Alt+Right Next, Escape Close, F9 the procedure panel), finds each
 * accelerator among the shortcuts of a real "Request a Smart Account" wizard
 * and runs its action as the key would: Next and Back move between the
 * pages, F9 shows and hides the procedure panel, Escape closes the wizard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sa-account-request-wizard-private.h"
#include "sa-ui-test-util.h"
#include "sa-ui-util.h"

static char *state_dir;

#define WIZ(wizard, name) SA_TEST_CHILD (wizard, SA_TYPE_ACCOUNT_REQUEST_WIZARD, name)

/* The accelerators listed under "Wizards", by the title shown beside each. */
static GHashTable *
dup_listed_wizard_keys (GtkWidget  *widget,
                        gboolean    in_group,
                        GHashTable *keys)
{
  if (GTK_IS_SHORTCUTS_GROUP (widget))
    {
      g_autofree char *title = NULL;

      g_object_get (widget, "title", &title, NULL);
      in_group = g_strcmp0 (title, "Wizards") == 0;
    }
  else if (in_group && GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      char *title = NULL;
      char *accelerator = NULL;

      g_object_get (widget, "title", &title, "accelerator", &accelerator, NULL);
      g_hash_table_replace (keys, title, accelerator);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    dup_listed_wizard_keys (child, in_group, keys);

  return keys;
}

/* Presses the key listed as @title, the way the wizard's shortcut would. */
static void
press_listed (SaAccountRequestWizard *wizard,
              GHashTable             *keys,
              const char             *title)
{
  const char *accelerator = g_hash_table_lookup (keys, title);
  GtkShortcut *shortcut;
  GtkShortcutAction *action = NULL;

  g_assert_nonnull (accelerator);
  shortcut = sa_test_find_shortcut (GTK_WIDGET (wizard), accelerator, NULL);
  if (shortcut != NULL)
    action = gtk_shortcut_get_action (shortcut);
  if (action == NULL)
    g_error ("“%s” (%s) is listed but the wizard does not bind it", title, accelerator);
  g_assert_true (gtk_shortcut_action_activate (action, 0, GTK_WIDGET (wizard), NULL));
}

static gboolean
wizard_gone (gpointer user_data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (SA_IS_ACCOUNT_REQUEST_WIZARD (toplevel))
        return FALSE;
    }

  return TRUE;
}

static void
test_wizard_shortcuts (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/sadesk/SmartAccountDesk/gtk/help-overlay.ui");
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(SaClient) client = sa_desk_client_new ("http://127.0.0.1:9/");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  const char *panel = "Show or Hide the Procedure Panel";
  SaAccountRequestWizard *wizard;
  gboolean shown;

  dup_listed_wizard_keys (overlay, FALSE, keys);
  gtk_window_destroy (GTK_WINDOW (overlay));
  g_assert_cmpuint (g_hash_table_size (keys), ==, 4);

  sa_test_remove_draft (SA_DRAFT_ACCOUNT_REQUEST);
  wizard = sa_account_request_wizard_new (client, NULL);
  gtk_window_present (GTK_WINDOW (wizard));
  g_assert_true (sa_test_wait_until (sa_test_draft_looked_for, wizard, 10000));
  gtk_editable_set_text (GTK_EDITABLE (WIZ (wizard, "account_name_row")), "Trattoria Da Mario");
  gtk_editable_set_text (GTK_EDITABLE (WIZ (wizard, "customer_email_row")), "mario@trattoria-mario.example");
  gtk_editable_set_text (GTK_EDITABLE (WIZ (wizard, "account_domain_row")), "trattoria-mario.example");

  /* Next and Back. */
  press_listed (wizard, keys, "Next");
  g_assert_cmpstr (sa_account_request_wizard_get_page (wizard), ==, "users");
  press_listed (wizard, keys, "Back");
  g_assert_cmpstr (sa_account_request_wizard_get_page (wizard), ==, "identify");

  /* The procedure panel, hidden and shown again. */
  shown = g_settings_get_boolean (sa_ui_get_settings (), "show-procedure-panel");
  press_listed (wizard, keys, panel);
  g_assert_cmpint (g_settings_get_boolean (sa_ui_get_settings (), "show-procedure-panel"), ==, !shown);
  press_listed (wizard, keys, panel);
  g_assert_cmpint (g_settings_get_boolean (sa_ui_get_settings (), "show-procedure-panel"), ==, shown);

  /* Close. */
  press_listed (wizard, keys, "Close");
  g_assert_true (sa_test_wait_until (wizard_gone, NULL, 5000));

  sa_test_remove_draft (SA_DRAFT_ACCOUNT_REQUEST);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* The wizard's draft goes to a directory of our own. */
  state_dir = sa_test_use_state_dir ("sa-ui-wizard-shortcuts-XXXXXX");

  sa_test_init_gtk (&argc, &argv);
  sa_test_set_language ("en");

  g_test_add_func ("/ui/wizard/shortcuts", test_wizard_shortcuts);

  ret = g_test_run ();

  sa_test_remove_state_dir (g_steal_pointer (&state_dir));

  return ret;
}
