/* test-ui-training-cisco.c — the training exercises meant for the Cisco
 * (practice) connection (issue 14), with the window on that connection (the
 * built-in sandbox's Cisco-shaped paths, as test-ui-hand-off.c): the
 * Training Scenarios view is there too, an exercise is started from it and
 * done through the real widgets — the order page, the Assign Smart Account
 * dialog, "Complete in Cisco's Portal" and its practice portal; the server
 * counts it completed, the view says so; "Not Now" is not counted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sa-cisco.h"
#include "sa-hand-off-dialog-private.h"
#include "sa-order-page.h"
#include "sa-orders-view.h"
#include "sa-account-access-row.h"
#include "sa-account-page.h"
#include "sa-sandbox-server.h"
#include "sa-session.h"
#include "sa-smart-accounts-view.h"
#include "sa-virtual-account-row.h"
#include "sa-ui-util.h"
#include "test-ui-training-util.h"

#define WAIT_MS SA_TRAINING_WAIT_MS

static SaTestSandbox *sandbox;
static SaClient      *cisco;
static SaJournal     *journal;
static char          *journal_dir;

static void
on_launch (const char *uri,
           gpointer    user_data)
{
  /* Cisco's portal is not opened from a test */
}

static gboolean
scenarios_page_shown (gpointer window)
{
  return adw_view_stack_page_get_visible (sa_training_test_page_of (window, "scenarios_page"));
}

/* A window on the Cisco (practice) connection, its Training Scenarios view
 * there, with @id started from it. */
static SaWindow *
new_practice_window (const char *id)
{
  SaWindow *window = sa_window_new (NULL);

  sa_window_set_client (window, cisco, FALSE);
  sa_window_set_journal (window, journal, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sa_test_wait_until (scenarios_page_shown, window, WAIT_MS));
  /* Cisco's answers on the order page: no training controls there */
  g_assert_null (sa_window_get_training_client (window));
  sa_training_test_start_in_view (window, id);

  return window;
}

/* The order found by its Sales Order No. in the Orders view, as Cisco's
 * order search gives it. */
static SaOrderPage *
open_order (SaWindow   *window,
            const char *sales_order_number)
{
  sa_training_test_show_view (window, "orders");
  return sa_test_open_single_match (window, sales_order_number);
}

static gboolean
submit_dialog_closed (gpointer page)
{
  return sa_order_page_get_submit_dialog (page) == NULL;
}

/* Submit: "Complete in Cisco's Portal". */
static SaHandOffDialog *
submit (SaOrderPage *page)
{
  GtkWindow *dialog;

  sa_test_click (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "submit_button"));
  dialog = sa_order_page_get_submit_dialog (page);
  g_assert_true (SA_IS_HAND_OFF_DIALOG (dialog));
  g_assert_true (sa_test_wait_until ((SaTestCondition) sa_test_widget_is_drawable, dialog, WAIT_MS));

  return SA_HAND_OFF_DIALOG (dialog);
}

/* "With the Cisco (practice) connection, hand a change off to the portal
 * and watch it land": the Assign Smart Account dialog, Submit, the hand-off
 * page; "Not Now" first (nothing applied: not counted), then the practice
 * portal. */
static void
test_cisco_hand_off (void)
{
  SaWindow *window = new_practice_window ("cisco-hand-off");
  SaOrderPage *page = open_order (window, "104857608");
  SaHandOffDialog *dialog;

  sa_training_test_choose_account (page, "hotel-belle-rive.example", NULL);

  dialog = submit (page);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (sa_test_wait_until (submit_dialog_closed, page, WAIT_MS));
  sa_training_test_assert_not_completed (sandbox, window, "cisco-hand-off");

  sa_training_test_show_view (window, "orders");
  dialog = submit (page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "hand-off.practice", NULL));
  g_assert_true (sa_test_wait_until (submit_dialog_closed, page, WAIT_MS));

  sa_training_test_assert_completed (sandbox, window, "cisco-hand-off");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
accounts_loaded (gpointer view)
{
  return !sa_smart_accounts_view_get_loading (view) && sa_smart_accounts_view_get_accounts (view) != NULL;
}

static gboolean
account_page_loaded (gpointer page)
{
  return !sa_account_page_get_loading (page) && sa_account_page_get_virtual_accounts (page) != NULL;
}

/* The Smart Accounts view: the account of @domain opened by its row. */
static SaAccountPage *
open_account (SaWindow   *window,
              const char *domain)
{
  SaSmartAccountsView *view = sa_window_get_smart_accounts_view (window);
  GtkListBox *list = GTK_LIST_BOX (SA_TEST_CHILD (view, SA_TYPE_SMART_ACCOUNTS_VIEW, "accounts_list"));
  GtkListBoxRow *row;
  SaAccountPage *page;

  g_assert_true (sa_window_show_smart_accounts (window));
  g_assert_true (sa_test_wait_until (accounts_loaded, view, WAIT_MS));
  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      SaAccountAccess *access = sa_account_access_row_get_access (SA_ACCOUNT_ACCESS_ROW (row));

      if (g_strcmp0 (sa_smart_account_get_domain (sa_account_access_get_account (access)), domain) == 0)
        break;
    }
  g_assert_nonnull (row);
  g_signal_emit_by_name (list, "row-activated", row);
  page = sa_smart_accounts_view_get_account_page (view);
  g_assert_nonnull (page);
  g_assert_true (sa_test_wait_until (account_page_loaded, page, WAIT_MS));

  return page;
}

static GtkWidget *
virtual_account_row (SaAccountPage *page,
                     const char    *name)
{
  GtkListBox *list = GTK_LIST_BOX (SA_TEST_CHILD (page, SA_TYPE_ACCOUNT_PAGE, "virtual_accounts_list"));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      SaVirtualAccount *va = sa_virtual_account_row_get_virtual_account (SA_VIRTUAL_ACCOUNT_ROW (row));

      if (g_strcmp0 (sa_virtual_account_get_name (va), name) == 0)
        return GTK_WIDGET (row);
    }

  return NULL;
}

/* Selects the item of @combo_row whose text starts with @prefix. */
static void
select_item (GtkWidget  *combo_row,
             const char *prefix)
{
  GListModel *items = adw_combo_row_get_model (ADW_COMBO_ROW (combo_row));

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (items), i), prefix))
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (combo_row), i);
        return;
      }
  g_assert_not_reached ();
}

static gboolean
no_message_dialog (gpointer user_data)
{
  AdwMessageDialog *dialog = NULL;

  return !sa_training_test_message_dialog_open (&dialog);
}

/* "Meet a SHIPPED order and find the right route": the order page says its
 * assignment no longer changes; the licenses move between the Virtual
 * Accounts of Acme Industrie's Smart Account instead ("Move Licenses…" in
 * the Smart Accounts view). Cancelled first: not counted. */
static void
test_shipped_order_route (void)
{
  SaWindow *window = new_practice_window ("shipped-order-route");
  SaOrderPage *page = open_order (window, "104857623");
  AdwMessageDialog *dialog = NULL;
  SaAccountPage *account;
  GtkWidget *row;

  g_assert_true (gtk_widget_get_visible (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "shipped_box")));

  account = open_account (window, "acme-industrie.fr");
  row = virtual_account_row (account, "Production");
  g_assert_nonnull (row);
  g_assert_nonnull (sa_training_test_find_named (row, "move_licenses_button"));
  sa_test_click (sa_training_test_find_named (row, "move_licenses_button"));
  g_assert_true (sa_test_wait_until (sa_training_test_message_dialog_open, &dialog, WAIT_MS));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Move Licenses");
  /* as its button does: the response, then the dialog gone */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (sa_test_wait_until (no_message_dialog, NULL, WAIT_MS));
  sa_training_test_assert_not_completed (sandbox, window, "shipped-order-route");

  g_assert_true (sa_window_show_smart_accounts (window));
  row = virtual_account_row (account, "Production");
  sa_test_click (sa_training_test_find_named (row, "move_licenses_button"));
  dialog = NULL;
  g_assert_true (sa_test_wait_until (sa_training_test_message_dialog_open, &dialog, WAIT_MS));
  select_item (sa_training_test_find_named (adw_message_dialog_get_extra_child (dialog), "license_row"),
               "C9300 DNA Essentials, 24 Port · TERM");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (sa_training_test_find_named (adw_message_dialog_get_extra_child (dialog),
                                                                           "quantity_spin")), 6);
  select_item (sa_training_test_find_named (adw_message_dialog_get_extra_child (dialog), "target_row"),
               "Laboratoire");
  sa_training_test_shoot (window, "move-licenses-en");
  adw_message_dialog_response (dialog, "move");
  gtk_window_destroy (GTK_WINDOW (dialog));
  sa_test_wait_ms (300);
  g_assert_true (sa_test_wait_until (account_page_loaded, account, WAIT_MS));

  sa_training_test_assert_completed (sandbox, window, "shipped-order-route");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int status;

  sa_test_init_gtk (&argc, &argv);
  sandbox = sa_test_sandbox_new ();
  cisco = sa_test_new_practice_client (sandbox);
  g_settings_set_enum (sa_ui_get_settings (), "mode", SA_CONNECTION_CISCO_PRACTICE);
  journal_dir = g_dir_make_tmp ("sa-training-cisco-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (journal_dir, "journal.sqlite3", NULL);
  journal = sa_journal_new (path);
  sa_hand_off_dialog_set_journal (journal);
  sa_hand_off_dialog_set_launcher (on_launch, NULL);

  g_test_add_func ("/ui/training/scenario/shipped-order-route", test_shipped_order_route);
  g_test_add_func ("/ui/training/scenario/cisco-hand-off", test_cisco_hand_off);

  status = g_test_run ();

  sa_hand_off_dialog_set_journal (NULL);
  g_clear_object (&journal);
  g_clear_object (&cisco);
  sa_test_sandbox_free (sandbox);
  g_unlink (path);
  g_rmdir (journal_dir);
  g_free (journal_dir);

  return status;
}
