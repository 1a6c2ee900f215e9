/* sa-screenshot.c — render a view of the app to PNG (not a test)
 *
 *   sa-screenshot --lang fr|it|en --out FILE.png --view orders|order|shipped|assign|pending|confirm|preferences|sign-in
 *   sa-screenshot … --view request-identify|request-review|request-result|requests
 *     (the "Request a Smart Account" wizard on a page; the "Smart Account
 *     requests" view)
 *
 * Starts the sandbox back office in a temporary directory, builds the main
 * window, goes to the view (the Orders list; the order page of an order on a
 * Holding Smart Account only, its Smart Account section open; or the Assign
 * Smart Account dialog after a Domain Identifier search; or, with "pending",
 * the order page after Assign, with the change pending and the terms
 * accepted), waits for drawing
 * and saves the window as PNG. Needs a display (Xvfb is fine).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-access-request-wizard-private.h"
#include "sa-access-requests-view.h"
#include "sa-account-request-wizard-private.h"
#include "sa-account-requests-view.h"
#include "sa-assign-dialog.h"
#include "sa-order-page.h"
#include "sa-orders-view.h"
#include "sa-preferences-window.h"
#include "sa-sign-in-dialog.h"
#include "sa-ui-test-util.h"
#include "sa-ui-util.h"
#include "sa-window.h"

static gboolean
wizard_draft_checked (gpointer user_data)
{
  return sa_account_request_wizard_get_draft_checked (user_data);
}

static gboolean
wizard_on_result (gpointer user_data)
{
  return g_strcmp0 (sa_account_request_wizard_get_page (user_data), "result") == 0;
}

static gboolean
requests_loaded (gpointer user_data)
{
  return !sa_account_requests_view_get_loading (user_data) &&
         sa_account_requests_view_get_requests (user_data) != NULL;
}

/* The wizard filled in with a plausible request, on @page. */
static GtkWidget *
show_account_request (SaTestSandbox *sandbox,
                      SaWindow      *window,
                      const char    *page)
{
  SaAccountRequestWizard *wizard = sa_account_request_wizard_new (sandbox->client, GTK_WINDOW (window));

#define WIZ(name) GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (wizard), SA_TYPE_ACCOUNT_REQUEST_WIZARD, name))
  gtk_window_present (GTK_WINDOW (wizard));
  sa_test_wait_until (wizard_draft_checked, wizard, 10000);
  gtk_editable_set_text (GTK_EDITABLE (WIZ ("account_name_row")), "Trattoria Da Mario");
  gtk_editable_set_text (GTK_EDITABLE (WIZ ("customer_email_row")), "mario@trattoria-mario");
  gtk_editable_set_text (GTK_EDITABLE (WIZ ("account_domain_row")), "trattoria-mario.example");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (WIZ ("note_to_customer_view"))),
                            "Buongiorno Mario, here is the Smart Account for your new licenses.", -1);
  if (g_str_equal (page, "identify"))
    return GTK_WIDGET (wizard);

  gtk_editable_set_text (GTK_EDITABLE (WIZ ("customer_email_row")), "mario@trattoria-mario.example");
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  gtk_editable_set_text (GTK_EDITABLE (WIZ ("user_entry_row")),
                         "anna@northwind-networks.example; luca@northwind-networks.example");
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.add-users", NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (WIZ ("note_to_users_view"))),
                            "Welcome to the new Smart Account.", -1);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  if (g_str_equal (page, "review"))
    return GTK_WIDGET (wizard);

  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.send", NULL);
  sa_test_wait_until (wizard_on_result, wizard, 30000);
#undef WIZ

  return GTK_WIDGET (wizard);
}

static gboolean
access_requests_loaded (gpointer user_data)
{
  return !sa_access_requests_view_get_loading (user_data) &&
         g_list_model_get_n_items (sa_access_requests_view_get_requests (user_data)) > 0;
}

/* access-profile, access-chooser, access-reason: the access request wizard
 * on its profile page, after a shared domain's lookup, on the reason page. */
static GtkWidget *
show_access_request (SaWindow   *window,
                     const char *page)
{
  SaAccessRequestWizard *wizard = sa_window_request_access (window, NULL);

  sa_test_wait_until (sa_test_access_wizard_ready, wizard, 30000);
  if (g_str_equal (page, "profile"))
    return GTK_WIDGET (wizard);

  sa_access_request_wizard_next (wizard);
  sa_access_request_wizard_set_domain (wizard, "groupe-hexagone.example");
  sa_access_request_wizard_submit_domain (wizard);
  sa_test_wait_until (sa_test_access_wizard_ready, wizard, 30000);
  if (g_str_equal (page, "chooser"))
    return GTK_WIDGET (wizard);

  {
    g_autoptr(SaSmartAccount) first = g_list_model_get_item (sa_access_request_wizard_get_candidates (wizard), 0);

    sa_access_request_wizard_select_candidate (wizard, sa_smart_account_get_id (first));
  }
  sa_access_request_wizard_next (wizard);
  sa_access_request_wizard_set_reason (wizard, "Nous gérons le renouvellement Wi-Fi des sites de Lyon.");
  return GTK_WIDGET (wizard);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *lang = NULL;
  g_autofree char *out = NULL;
  g_autofree char *view_name = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SaOrder) order = NULL;
  char *state_dir;
  g_autofree char *domain = NULL;
  g_autofree char *virtual_account = NULL;
  SaTestSandbox *sandbox;
  SaWindow *window;
  SaOrdersView *view;
  GtkWidget *target;
  const GOptionEntry entries[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, "UI language: fr, it or en", "LANG" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, "PNG file to write", "FILE" },
    { "view", 0, 0, G_OPTION_ARG_STRING, &view_name, "orders, order, assign, pending, preferences or sign-in", "VIEW" },
    { NULL }
  };

  context = g_option_context_new ("— render a view of Smart Account Desk to PNG");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (out == NULL)
    {
      g_printerr ("--out FILE.png is required\n");
      return 2;
    }
  if (view_name == NULL)
    view_name = g_strdup ("order");
  if (lang == NULL)
    lang = g_strdup ("en");

  sa_test_setup_environment ();
  /* Wizard drafts in a directory of our own, not the user's. */
  state_dir = sa_test_use_state_dir ("sa-screenshot-state-XXXXXX");
  sa_test_set_language (lang);

  gtk_init ();
  adw_init ();
  sa_ui_load_style ();

  sandbox = sa_test_sandbox_new ();

  window = sa_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  sa_window_set_client (window, sandbox->client, TRUE);
  gtk_window_present (GTK_WINDOW (window));
  view = sa_window_get_orders_view (window);
  sa_test_wait_until (sa_test_orders_loaded, view, 30000);
  target = GTK_WIDGET (window);

  if (g_str_equal (view_name, "shipped"))
    {
      SaOrderPage *page;

      /* A holding-only order, shipped: the banner and the SHIPPED note (issue 11). */
      order = sa_test_find_order (sandbox->client, sa_test_order_is_holding_only, NULL);
      if (order == NULL)
        order = sa_test_find_order (sandbox->client, sa_test_order_is_unassigned, NULL);
      g_assert_nonnull (order);
      sa_test_ship_order (sandbox->client, sa_order_get_sales_order_number (order));
      page = sa_orders_view_open_order (view, sa_order_get_sales_order_number (order));
      sa_test_wait_until (sa_test_order_page_loaded, page, 30000);
      g_signal_emit_by_name (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "banner_button"), "clicked");
    }
  else if (g_str_equal (view_name, "order") || g_str_equal (view_name, "assign") ||
           g_str_equal (view_name, "pending") || g_str_equal (view_name, "confirm"))
    {
      SaOrderPage *page;

      order = sa_test_find_order (sandbox->client, sa_test_order_is_holding_only, NULL);
      if (order == NULL)
        order = sa_test_find_order (sandbox->client, sa_test_order_is_changeable_without_end_customer, NULL);
      g_assert_nonnull (order);

      page = sa_orders_view_open_order (view, sa_order_get_sales_order_number (order));
      sa_test_wait_until (sa_test_order_page_loaded, page, 30000);
      g_signal_emit_by_name (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "banner_button"), "clicked");

      if (g_str_equal (view_name, "assign") || g_str_equal (view_name, "pending") ||
          g_str_equal (view_name, "confirm"))
        {
          SaAssignDialog *dialog;
          GtkStack *results_stack;
          GtkListBox *results;
          GtkListBoxRow *row;

          g_assert_true (sa_test_find_japanese_virtual_account (sandbox->client, &domain, &virtual_account));
          g_signal_emit_by_name (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "end_customer_edit_button"), "clicked");
          dialog = sa_order_page_get_assign_dialog (page);
          gtk_editable_set_text (GTK_EDITABLE (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "search_entry")), domain);
          sa_assign_dialog_search (dialog);
          results_stack = GTK_STACK (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "results_stack"));
          sa_test_wait_until (sa_test_results_shown, results_stack, 30000);
          results = GTK_LIST_BOX (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "results_list"));
          for (int i = 0; (row = gtk_list_box_get_row_at_index (results, i)) != NULL; i++)
            {
              gtk_list_box_select_row (results, row);
              if (g_strcmp0 (sa_smart_account_get_domain (sa_assign_dialog_get_selected_account (dialog)), domain) == 0)
                break;
            }
          sa_test_wait_until (sa_test_virtual_accounts_loaded, SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "va_dropdown"), 30000);
          sa_assign_dialog_select_virtual_account (dialog, virtual_account);
          target = GTK_WIDGET (dialog);

          if (g_str_equal (view_name, "pending") || g_str_equal (view_name, "confirm"))
            {
              gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.assign", NULL);
              gtk_check_button_set_active (GTK_CHECK_BUTTON (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "terms_check")), TRUE);
              target = GTK_WIDGET (window);
            }
          /* The "Submit Change" confirmation, restating the change. */
          if (g_str_equal (view_name, "confirm"))
            {
              gtk_widget_activate_action (GTK_WIDGET (page), "page.submit", NULL);
              target = GTK_WIDGET (sa_order_page_get_submit_dialog (page));
            }
        }
    }
  else if (g_str_equal (view_name, "preferences"))
    {
      /* Live mode with a server address typed in plain HTTP: the message shows. */
      g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID_BASE);
      GtkWidget *preferences;

      g_settings_set_enum (settings, "mode", 1);
      g_settings_set_string (settings, "server-url", "https://desk.partner.example/");
      preferences = sa_preferences_window_new (GTK_WINDOW (window));
      gtk_window_present (GTK_WINDOW (preferences));
      gtk_editable_set_text (GTK_EDITABLE (SA_TEST_CHILD (preferences, SA_TYPE_PREFERENCES_WINDOW, "server_row")),
                             "http://desk.partner.example/");
      target = preferences;
    }
  else if (g_str_equal (view_name, "sign-in"))
    {
      SaSignInDialog *dialog = sa_sign_in_dialog_new (sandbox->client, GTK_WINDOW (window));

      sa_sign_in_dialog_set_username (dialog, "trainee");
      gtk_check_button_set_active (GTK_CHECK_BUTTON (SA_TEST_CHILD (dialog, SA_TYPE_SIGN_IN_DIALOG, "remember_check")), TRUE);
      gtk_window_present (GTK_WINDOW (dialog));
      target = GTK_WIDGET (dialog);
    }
  else if (g_str_has_prefix (view_name, "access-") && !g_str_equal (view_name, "access-requests"))
    target = show_access_request (window, view_name + strlen ("access-"));
  else if (g_str_equal (view_name, "access-requests"))
    {
      SaAccessRequestsView *access = sa_window_get_access_requests_view (window);

      sa_window_show_access_requests (window);
      sa_test_wait_until (access_requests_loaded, access, 30000);
    }
  else if (g_str_has_prefix (view_name, "request-"))
    target = show_account_request (sandbox, window, view_name + strlen ("request-"));
  else if (g_str_equal (view_name, "requests"))
    {
      GtkWidget *requests = sa_test_find_widget_of_type (GTK_WIDGET (window), SA_TYPE_ACCOUNT_REQUESTS_VIEW);
      GtkWidget *wizard = show_account_request (sandbox, window, "result");

      gtk_window_destroy (GTK_WINDOW (wizard));
      adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (SA_TEST_CHILD (window, SA_TYPE_WINDOW, "view_stack")),
                                             "account-requests");
      sa_account_requests_view_refresh (SA_ACCOUNT_REQUESTS_VIEW (requests));
      sa_test_wait_until (requests_loaded, requests, 30000);
    }
  else if (!g_str_equal (view_name, "orders"))
    {
      g_printerr ("Unknown view “%s”: orders, order, assign, pending, preferences or sign-in\n", view_name);
      sa_test_remove_state_dir (state_dir);
      return 2;
    }

  /* Let transitions end and everything draw. */
  sa_test_wait_ms (1200);

  if (!sa_test_save_png (target, out, &error))
    {
      g_printerr ("%s\n", error->message);
      sa_test_remove_state_dir (state_dir);
      return 1;
    }

  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_sandbox_free (sandbox);
  sa_test_remove_state_dir (state_dir);

  return 0;
}
