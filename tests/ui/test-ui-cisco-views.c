/* test-ui-cisco-views.c — the Cisco views under Xvfb, in three languages
 *
 * Real widgets against the Cisco test double (tests/cisco) over loopback,
 * through SaCiscoClient:
 * - the Smart Accounts view: the user's accounts with type, status and roles;
 *   one account's Virtual Accounts (DEFAULT marked, a double-byte name as it
 *   is, with the portal's caution) and their licenses (quantity, in use,
 *   status, originating orders);
 * - the Orders view and the order page with the Cisco connection: no list,
 *   one order found by Sales Order No. or Web Order No. and opened; its
 *   status as Cisco wrote it, parties, lines; the assignment and export hold
 *   said to be unpublished, with the CCW link, instead of empty rows; "not
 *   found or not visible" for OSA001; "Where Are My Licenses?" from the page;
 * - the Assign Smart Account dialog's checks with Cisco (inexact substring
 *   matches, restricted accounts, Pending, double-byte Virtual Account with
 *   "Use DEFAULT Instead"), and Submit explaining that Cisco's portal makes
 *   the change;
 * - with the Desk back end (training): no Smart Accounts view, the
 *   assignment shown, the creation date.
 *
 * With SA_TEST_SCREENSHOT_DIR set, the pages are saved there
 * (smart-accounts-*, account-*, order-cisco-*, assign-cisco-*, hand-off-*)
 * for review.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sa-account-access-row.h"
#include "sa-account-page.h"
#include "sa-assign-checks.h"
#include "sa-cisco-views-test.h"
#include "sa-hand-off-dialog-private.h"
#include "sa-hand-off-step-row.h"
#include "sa-hand-off-value-row.h"
#include "sa-license-finder.h"
#include "sa-license-row.h"
#include "sa-order-details.h"
#include "sa-order-lines.h"
#include "sa-smart-accounts-view.h"
#include "sa-status-pill.h"
#include "sa-ui-test-util.h"
#include "sa-virtual-account-row.h"

typedef struct
{
  const char *language;
  const char *active;          /* Active (account status) */
  const char *smart_accounts;  /* the view's title */
  const char *not_published;   /* an empty slot with Cisco */
  const char *not_published_pill;
  const char *double_byte;     /* part of a double-byte Virtual Account's subtitle */
  const char *from_orders;     /* a license's orders */
  const char *default_pill;
} Words;

static const Words english = {
  .language = "en",
  .active = "Active",
  .smart_accounts = "Smart Accounts",
  .not_published = "Not published by Cisco: see the order in CCW",
  .not_published_pill = "Not published",
  .double_byte = "Not listed by the portal (double-byte characters)",
  .from_orders = "From orders 104857601",
  .default_pill = "Default",
};

static const Words french = {
  .language = "fr",
  .active = "Actif",
  .smart_accounts = "Comptes Smart",
  .not_published = "Non publié par Cisco : voir la commande dans CCW",
  .not_published_pill = "Non publié",
  .double_byte = "Non listé par le portail (caractères à double octet)",
  .from_orders = "Commandes d'origine : 104857601",
  .default_pill = "Par défaut",
};

static const Words italian = {
  .language = "it",
  .active = "Attivo",
  .smart_accounts = "Smart Account",
  .not_published = "Non pubblicato da Cisco: vedere l'ordine in CCW",
  .not_published_pill = "Non pubblicato",
  .double_byte = "Non elencato dal portale (caratteri a doppio byte)",
  .from_orders = "Ordini di origine: 104857601",
  .default_pill = "Predefinito",
};

static const Words * const languages[] = { &english, &french, &italian };

static CiscoMimic *mimic;

static void
assert_contains (const char *text,
                 const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text ? text : "(null)", part);
}

static SaWindow *
new_cisco_window (SaClient *client)
{
  SaWindow *window = sa_window_new (NULL);

  sa_window_set_client (window, client, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static AdwViewStackPage *
view_page (SaWindow   *window,
           const char *name)
{
  AdwViewStack *stack = ADW_VIEW_STACK (SA_TEST_CHILD (window, SA_TYPE_WINDOW, "view_stack"));

  return adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack, name));
}

static void
close_window (SaWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_wait_ms (50);
}

/* ------------------------------------------------------------------------ */
/* The Smart Accounts view */

static gboolean
accounts_loaded (gpointer user_data)
{
  return !sa_smart_accounts_view_get_loading (user_data) && sa_smart_accounts_view_get_accounts (user_data) != NULL;
}

static gboolean
account_page_loaded (gpointer user_data)
{
  return !sa_account_page_get_loading (user_data) && sa_account_page_get_virtual_accounts (user_data) != NULL;
}

static void
test_smart_accounts_view (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      const Words *words = languages[i];
      g_autoptr(SaClient) client = NULL;
      SaWindow *window;
      SaSmartAccountsView *view;
      SaAccountPage *page;
      GtkListBoxRow *row;
      GtkListBox *vas;
      SaVirtualAccountRow *default_row = NULL;
      SaVirtualAccountRow *tokyo_row = NULL;
      GtkWidget *license;

      sa_test_set_language (words->language);
      client = sa_cisco_test_client_new (mimic);
      window = new_cisco_window (client);

      /* A page of the window's view stack, shown with Cisco. */
      g_assert_true (adw_view_stack_page_get_visible (view_page (window, "smart-accounts")));
      g_assert_cmpstr (adw_view_stack_page_get_title (view_page (window, "smart-accounts")), ==, words->smart_accounts);
      g_assert_true (sa_window_show_smart_accounts (window));
      view = sa_window_get_smart_accounts_view (window);
      g_assert_true (sa_test_wait_until (accounts_loaded, view, 30000));

      /* The user's account: type, status, roles (Cisco's role names). */
      row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (SA_TEST_CHILD (view, SA_TYPE_SMART_ACCOUNTS_VIEW, "accounts_list")), 0);
      g_assert_true (SA_IS_ACCOUNT_ACCESS_ROW (row));
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Acme Industrie");
      assert_contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "acme-industrie.fr");
      assert_contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Smart Account User");
      assert_contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Virtual Account Administrator");
      assert_contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "DEFAULT");
      g_assert_cmpstr (sa_status_pill_get_label (SA_STATUS_PILL (sa_test_find_widget_of_type (GTK_WIDGET (row), SA_TYPE_STATUS_PILL))),
                       ==, words->active);
      g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (SA_TEST_CHILD (view, SA_TYPE_SMART_ACCOUNTS_VIEW, "accounts_list")), 1));
      sa_cisco_test_screenshot (GTK_WIDGET (window), "smart-accounts-%s", words->language);

      /* Activating it opens its Virtual Accounts and their licenses. */
      g_signal_emit_by_name (SA_TEST_CHILD (view, SA_TYPE_SMART_ACCOUNTS_VIEW, "accounts_list"), "row-activated", row);
      page = sa_smart_accounts_view_get_account_page (view);
      g_assert_nonnull (page);
      g_assert_true (sa_test_wait_until (account_page_loaded, page, 30000));
      g_assert_cmpuint (g_list_model_get_n_items (sa_account_page_get_virtual_accounts (page)), ==, 2);
      g_assert_cmpuint (g_list_model_get_n_items (sa_account_page_get_licenses (page)), ==, 2);

      vas = GTK_LIST_BOX (SA_TEST_CHILD (page, SA_TYPE_ACCOUNT_PAGE, "virtual_accounts_list"));
      for (int r = 0; (row = gtk_list_box_get_row_at_index (vas, r)) != NULL; r++)
        {
          SaVirtualAccountRow *va_row = SA_VIRTUAL_ACCOUNT_ROW (row);
          const char *name = sa_virtual_account_get_name (sa_virtual_account_row_get_virtual_account (va_row));

          if (g_strcmp0 (name, "DEFAULT") == 0)
            default_row = va_row;
          else if (g_strcmp0 (name, "東京支社") == 0)
            tokyo_row = va_row;
        }
      g_assert_nonnull (default_row);
      g_assert_nonnull (tokyo_row);

      /* DEFAULT marked; the double-byte name as it is, with the caution. */
      g_assert_cmpstr (sa_status_pill_get_label (SA_STATUS_PILL (sa_test_find_widget_of_type (GTK_WIDGET (default_row), SA_TYPE_STATUS_PILL))),
                       ==, words->default_pill);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (tokyo_row)), ==, "東京支社");
      assert_contains (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (tokyo_row)), words->double_byte);
      g_assert_cmpuint (g_list_model_get_n_items (sa_virtual_account_row_get_licenses (default_row)), ==, 1);
      g_assert_cmpuint (g_list_model_get_n_items (sa_virtual_account_row_get_licenses (tokyo_row)), ==, 1);

      /* A license: quantity, in use, status, originating orders. */
      license = sa_test_find_widget_of_type (GTK_WIDGET (default_row), SA_TYPE_LICENSE_ROW);
      g_assert_nonnull (license);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (license)), ==, "DNA Advantage For SDWAN");
      assert_contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (license)), "200");
      assert_contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (license)), words->from_orders);
      g_assert_cmpstr (sa_status_pill_get_label (SA_STATUS_PILL (sa_test_find_widget_of_type (license, SA_TYPE_STATUS_PILL))),
                       ==, "In Compliance");
      sa_cisco_test_screenshot (GTK_WIDGET (window), "account-%s", words->language);

      /* Back to the list. */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "accounts.back", NULL));
      g_assert_null (sa_smart_accounts_view_get_account_page (view));

      close_window (window);
    }
}

/* ------------------------------------------------------------------------ */
/* The Orders view and the order page */

static gboolean
order_page_open (gpointer user_data)
{
  SaOrderPage *page = sa_orders_view_get_order_page (user_data);

  return page != NULL && sa_test_order_page_loaded (page);
}

static gboolean
search_answered (gpointer user_data)
{
  return !sa_orders_view_get_loading (user_data);
}

static gboolean
finder_answered (gpointer user_data)
{
  SaLicenseFinder **finder = user_data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; *finder == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (SA_IS_LICENSE_FINDER (window))
        *finder = SA_LICENSE_FINDER (window);
    }

  return *finder != NULL && !sa_license_finder_get_loading (*finder) && sa_license_finder_get_diagnosis (*finder) != NULL;
}

static void
test_order_page (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      const Words *words = languages[i];
      g_autoptr(SaClient) client = NULL;
      SaLicenseFinder *finder = NULL;
      SaOrdersView *view;
      SaOrderPage *page;
      GtkWidget *details;
      GtkWidget *lines;
      GtkListBoxRow *line;
      SaWindow *window;

      sa_test_set_language (words->language);
      client = sa_cisco_test_client_new (mimic);
      window = new_cisco_window (client);
      view = sa_window_get_orders_view (window);

      /* No list: say how to find an order, ask nothing. */
      cisco_mimic_reset_log (mimic);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (SA_TEST_CHILD (view, SA_TYPE_ORDERS_VIEW, "results_stack"))),
                       ==, "find");
      g_assert_cmpuint (cisco_mimic_count (mimic, MIMIC_ORDER_PATH), ==, 0);

      /* One order by its Sales Order No., opened at once. */
      sa_orders_view_set_search (view, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, "104857601");
      g_assert_true (sa_test_wait_until (order_page_open, view, 30000));
      page = sa_orders_view_get_order_page (view);
      g_assert_cmpstr (sa_order_page_get_sales_order_number (page), ==, "104857601");

      /* Its status as Cisco wrote it, its parties and lines. */
      g_assert_cmpstr (sa_status_pill_get_label (SA_STATUS_PILL (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "header_status_pill"))),
                       ==, "Booked");
      details = SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "details");
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (SA_TEST_CHILD (details, SA_TYPE_ORDER_DETAILS, "bill_to_row"))),
                       ==, "Northwind Networks");
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (SA_TEST_CHILD (details, SA_TYPE_ORDER_DETAILS, "ship_to_row"))),
                       ==, "Acme Industrie SA");
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (SA_TEST_CHILD (details, SA_TYPE_ORDER_DETAILS, "web_order_row"))),
                       ==, "WO73910452");
      g_assert_cmpstr (sa_status_pill_get_label (SA_STATUS_PILL (SA_TEST_CHILD (details, SA_TYPE_ORDER_DETAILS, "export_hold_pill"))),
                       ==, words->not_published_pill);
      lines = SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "lines");
      g_assert_true (gtk_widget_get_visible (lines));
      line = gtk_list_box_get_row_at_index (GTK_LIST_BOX (SA_TEST_CHILD (lines, SA_TYPE_ORDER_LINES, "lines_list")), 0);
      g_assert_nonnull (line);
      assert_contains (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (line)), "C9300-24T-E");
      assert_contains (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (line)), "Catalyst 9300 24-port");
      assert_contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (line)), "1.1");

      /* Where Cisco publishes nothing: said so, with the CCW link. */
      g_assert_true (gtk_widget_get_visible (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "unpublished_note")));
      g_assert_cmpstr (gtk_link_button_get_uri (GTK_LINK_BUTTON (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "ccw_link"))),
                       ==, "https://apps.cisco.com/Commerce/order");
      g_assert_false (gtk_widget_get_visible (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "export_hold_box")));
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "end_customer_row"))),
                       ==, words->not_published);
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "holding_row"))),
                       ==, words->not_published);
      /* The terms of use are accepted in CCW. */
      g_assert_false (gtk_widget_get_visible (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "terms_check")));
      gtk_widget_activate_action (GTK_WIDGET (page), "page.show-assignments", NULL);
      sa_cisco_test_screenshot (GTK_WIDGET (window), "order-cisco-%s", words->language);
      if (g_getenv ("SA_TEST_SCREENSHOT_DIR") != NULL)
        {
          GtkWidget *scrolled = gtk_stack_get_visible_child (GTK_STACK (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "state_stack")));
          GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
          sa_cisco_test_screenshot (GTK_WIDGET (window), "order-cisco-end-%s", words->language);
        }

      /* "Where Are My Licenses?" for this order, from the page. */
      sa_test_click (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "find_licenses_button"));
      g_assert_true (sa_test_wait_until (finder_answered, &finder, 30000));
      g_assert_cmpstr (sa_license_diagnosis_get_order_number (sa_license_finder_get_diagnosis (finder)), ==, "104857601");
      gtk_window_destroy (GTK_WINDOW (finder));

      /* By Web Order No. too. */
      gtk_widget_activate_action (GTK_WIDGET (view), "orders.back", NULL);
      g_assert_null (sa_orders_view_get_order_page (view));
      sa_orders_view_set_search (view, SA_ORDER_SEARCH_WEB_ORDER_ID, "WO73910452");
      g_assert_true (sa_test_wait_until (order_page_open, view, 30000));
      g_assert_cmpstr (sa_order_page_get_sales_order_number (sa_orders_view_get_order_page (view)), ==, "104857601");

      /* OSA001: "not found", in Cisco's meaning. */
      gtk_widget_activate_action (GTK_WIDGET (view), "orders.back", NULL);
      sa_orders_view_set_search (view, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, "999999999");
      g_assert_true (sa_test_wait_until (search_answered, view, 30000));
      g_assert_null (sa_orders_view_get_order_page (view));
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (SA_TEST_CHILD (view, SA_TYPE_ORDERS_VIEW, "results_stack"))),
                       ==, "empty");
      g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (SA_TEST_CHILD (view, SA_TYPE_ORDERS_VIEW, "empty_page"))),
                       !=, _("Check the number, or search by another field."));

      /* Emptying the entry goes back to "find", without asking. */
      sa_orders_view_set_search (view, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, "");
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (SA_TEST_CHILD (view, SA_TYPE_ORDERS_VIEW, "results_stack"))),
                       ==, "find");

      close_window (window);
    }
}

/* ------------------------------------------------------------------------ */
/* The Assign Smart Account dialog's checks, and Submit */

static SaOrderPage *
open_cisco_order (SaWindow *window)
{
  SaOrdersView *view = sa_window_get_orders_view (window);

  sa_orders_view_set_search (view, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, "104857601");
  g_assert_true (sa_test_wait_until (order_page_open, view, 30000));
  return sa_orders_view_get_order_page (view);
}

static void
search_accounts (SaAssignDialog *dialog,
                 const char     *text)
{
  GtkStack *results = GTK_STACK (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "results_stack"));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "search_by_dropdown")),
                              SA_ACCOUNT_SEARCH_DOMAIN);
  gtk_editable_set_text (GTK_EDITABLE (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "search_entry")), text);
  sa_assign_dialog_search (dialog);
  g_assert_true (sa_test_wait_until (sa_test_results_shown, results, 30000));
}

static void
select_account (SaAssignDialog *dialog,
                const char     *domain)
{
  GtkListBox *results = GTK_LIST_BOX (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "results_list"));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (results, i)) != NULL; i++)
    {
      gtk_list_box_select_row (results, row);
      if (g_strcmp0 (sa_smart_account_get_domain (sa_assign_dialog_get_selected_account (dialog)), domain) == 0)
        break;
    }
  g_assert_nonnull (row);
  g_assert_true (sa_test_wait_until (sa_test_virtual_accounts_loaded,
                                     SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "va_dropdown"), 30000));
}

/* The value row of the hand-off page showing @value, or NULL. */
static SaHandOffValueRow *
find_value_row (SaHandOffDialog *dialog,
                const char      *value)
{
  GtkListBox *steps = GTK_LIST_BOX (SA_TEST_CHILD (dialog, SA_TYPE_HAND_OFF_DIALOG, "steps_list"));
  GtkListBoxRow *step;

  for (int i = 0; (step = gtk_list_box_get_row_at_index (steps, i)) != NULL; i++)
    {
      GtkListBox *values = sa_hand_off_step_row_get_values (SA_HAND_OFF_STEP_ROW (step));
      GtkListBoxRow *row;

      for (int v = 0; (row = gtk_list_box_get_row_at_index (values, v)) != NULL; v++)
        if (g_strcmp0 (sa_hand_off_value_row_get_value (SA_HAND_OFF_VALUE_ROW (row)), value) == 0)
          return SA_HAND_OFF_VALUE_ROW (row);
    }

  return NULL;
}

#define CHECKS_CHILD(dialog, name) \
  SA_TEST_CHILD (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "checks"), SA_TYPE_ASSIGN_CHECKS, name)

static void
test_assign_checks (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      const Words *words = languages[i];
      g_autoptr(SaClient) client = NULL;
      g_autofree char *name = NULL;
      SaAssignDialog *dialog;
      SaHandOffDialog *hand_off;
      SaOrderPage *page;
      SaWindow *window;
      GtkDropDown *va_dropdown;
      GtkListBox *results;

      sa_test_set_language (words->language);
      client = sa_cisco_test_client_new (mimic);
      window = new_cisco_window (client);
      page = open_cisco_order (window);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.edit-end-customer", NULL));
      dialog = sa_order_page_get_assign_dialog (page);
      g_assert_nonnull (dialog);
      /* Cisco takes no Smart Account request here. */
      g_assert_false (gtk_widget_get_visible (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "request_account_row")));

      /* Nothing found: restricted accounts need their full name or domain. */
      search_accounts (dialog, "zzz-nobody");
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "results_stack"))),
                       ==, "empty");
      g_assert_true (gtk_widget_get_visible (CHECKS_CHILD (dialog, "restricted_note")));

      /* Substring matches, none exact: said so. */
      search_accounts (dialog, "acme");
      g_assert_false (gtk_widget_get_visible (CHECKS_CHILD (dialog, "restricted_note")));
      g_assert_true (gtk_widget_get_visible (CHECKS_CHILD (dialog, "inexact_note")));
      assert_contains (gtk_label_get_text (GTK_LABEL (CHECKS_CHILD (dialog, "inexact_label"))), "acme");
      /* Only Customer accounts for the End Customer slot. */
      results = GTK_LIST_BOX (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "results_list"));
      for (int r = 0; gtk_list_box_get_row_at_index (results, r) != NULL; r++)
        {
          gtk_list_box_select_row (results, gtk_list_box_get_row_at_index (results, r));
          g_assert_cmpint (sa_smart_account_get_account_type (sa_assign_dialog_get_selected_account (dialog)), ==,
                           SA_ACCOUNT_TYPE_CUSTOMER);
        }

      /* The exact domain: no such note. */
      search_accounts (dialog, "acme-industrie.fr");
      g_assert_false (gtk_widget_get_visible (CHECKS_CHILD (dialog, "inexact_note")));
      select_account (dialog, "acme-industrie.fr");
      g_assert_false (gtk_widget_get_visible (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "pending_note")));

      /* The double-byte Virtual Account: the caution, and DEFAULT offered. */
      g_assert_true (sa_assign_dialog_select_virtual_account (dialog, "東京支社"));
      g_assert_true (gtk_widget_get_visible (CHECKS_CHILD (dialog, "double_byte_note")));
      assert_contains (gtk_label_get_text (GTK_LABEL (CHECKS_CHILD (dialog, "double_byte_label"))), "東京支社");
      g_assert_true (gtk_widget_get_visible (CHECKS_CHILD (dialog, "use_default_button")));
      g_assert_true (gtk_widget_is_sensitive (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "assign_button")));
      sa_cisco_test_screenshot (GTK_WIDGET (dialog), "assign-cisco-%s", words->language);
      sa_test_click (CHECKS_CHILD (dialog, "use_default_button"));
      va_dropdown = GTK_DROP_DOWN (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "va_dropdown"));
      g_assert_true (sa_virtual_account_get_is_default (gtk_drop_down_get_selected_item (va_dropdown)));
      g_assert_false (gtk_widget_get_visible (CHECKS_CHILD (dialog, "double_byte_note")));

      /* A Pending account: allowed, the licenses wait. */
      search_accounts (dialog, "pending-customer.example");
      select_account (dialog, "pending-customer.example");
      g_assert_true (gtk_widget_get_visible (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "pending_note")));
      g_assert_true (gtk_widget_is_sensitive (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "assign_button")));

      /* Back to Acme, DEFAULT; Assign: the change waits on the page. */
      search_accounts (dialog, "acme-industrie.fr");
      select_account (dialog, "acme-industrie.fr");
      sa_test_click (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "assign_button"));
      g_assert_null (sa_order_page_get_assign_dialog (page));
      g_assert_nonnull (sa_order_page_get_pending (page, SA_ACCOUNT_TYPE_CUSTOMER));

      /* Submit: Cisco's portal makes the change; nothing is sent. */
      cisco_mimic_reset_log (mimic);
      sa_test_click (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "submit_button"));
      hand_off = SA_HAND_OFF_DIALOG (sa_order_page_get_submit_dialog (page));
      g_assert_nonnull (hand_off);
      name = sa_test_dup_without_mnemonic (gtk_button_get_label (GTK_BUTTON (SA_TEST_CHILD (hand_off, SA_TYPE_HAND_OFF_DIALOG, "portal_button"))));
      g_assert_nonnull (name);
      assert_contains (gtk_label_get_text (GTK_LABEL (SA_TEST_CHILD (hand_off, SA_TYPE_HAND_OFF_DIALOG, "intro_label"))), "104857601");
      g_assert_nonnull (find_value_row (hand_off, "Acme Industrie"));
      g_assert_nonnull (find_value_row (hand_off, "104857601"));
      if (g_str_equal (words->language, "en"))
        g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (hand_off)), ==, "Complete in Cisco's Portal");
      sa_cisco_test_screenshot (GTK_WIDGET (hand_off), "hand-off-%s", words->language);
      /* Closing is "Not Now": nothing is sent, the change stays pending. */
      gtk_window_close (GTK_WINDOW (hand_off));
      g_assert_null (sa_order_page_get_submit_dialog (page));
      g_assert_nonnull (sa_order_page_get_pending (page, SA_ACCOUNT_TYPE_CUSTOMER));
      g_assert_cmpuint (cisco_mimic_count (mimic, "/"), ==, 0);

      close_window (window);
    }
}

/* ------------------------------------------------------------------------ */
/* The Desk back end: what it knows is shown, the Smart Accounts view is not */

static void
test_desk (void)
{
  SaTestSandbox *sandbox = sa_test_sandbox_new ();
  g_autoptr(SaOrder) order = NULL;
  SaOrdersView *view;
  SaOrderPage *page;
  SaWindow *window;
  GtkWidget *details;

  sa_test_set_language ("en");
  window = sa_test_new_window (sandbox);
  g_assert_false (adw_view_stack_page_get_visible (view_page (window, "smart-accounts")));
  g_assert_false (sa_window_show_smart_accounts (window));

  view = sa_window_get_orders_view (window);
  g_assert_true (sa_test_wait_until (sa_test_orders_loaded, view, 30000));
  order = sa_test_find_order (sandbox->client, sa_test_order_is_holding_only, NULL);
  g_assert_nonnull (order);
  page = sa_orders_view_open_order (view, sa_order_get_sales_order_number (order));
  g_assert_true (sa_test_wait_until (sa_test_order_page_loaded, page, 30000));

  g_assert_false (gtk_widget_get_visible (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "unpublished_note")));
  g_assert_true (gtk_widget_get_visible (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "terms_check")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "end_customer_row"))),
                   ==, "Not assigned");
  details = SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "details");
  /* The Desk's creation date, and its status in the app's words. */
  g_assert_true (gtk_widget_get_visible (SA_TEST_CHILD (details, SA_TYPE_ORDER_DETAILS, "created_row")));
  g_assert_cmpstr (sa_status_pill_get_label (SA_STATUS_PILL (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "header_status_pill"))),
                   ==, sa_order_status_get_label (sa_order_get_status (order)));
  /* The Desk gives the order's lines (docs/desk-api.md): the group shows them. */
  g_assert_cmpuint (g_list_model_get_n_items (sa_order_get_lines (sa_order_page_get_order (page))), >, 0);
  g_assert_true (gtk_widget_get_visible (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "lines")));

  close_window (window);
  sa_test_sandbox_free (sandbox);
}

int
main (int    argc,
      char **argv)
{
  int status;

  sa_test_init_gtk (&argc, &argv);
  mimic = cisco_mimic_new (NULL);

  g_test_add_func ("/cisco-views/smart-accounts", test_smart_accounts_view);
  g_test_add_func ("/cisco-views/order-page", test_order_page);
  g_test_add_func ("/cisco-views/assign-checks", test_assign_checks);
  g_test_add_func ("/cisco-views/desk", test_desk);

  status = g_test_run ();
  cisco_mimic_free (mimic);

  return status;
}
