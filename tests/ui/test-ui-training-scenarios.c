/* test-ui-training-scenarios.c — the training exercises of the four
 * procedures (issue 14), each started in the Training Scenarios view and
 * done through the real widgets as a trainee does it: the order page and
 * its Assign Smart Account dialog, the training controls, the Smart Account
 * request wizard and the clock, the access request wizard and the reminder;
 * the server counts each completed (and the view says so), and a wrong path
 * in each kind of exercise is not counted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sa-access-request-wizard-private.h"
#include "sa-access-requests-view-private.h"
#include "sa-account-request-row.h"
#include "sa-account-request-wizard-private.h"
#include "sa-account-requests-view.h"
#include "sa-order-page.h"
#include "test-ui-training-util.h"

#define WAIT_MS SA_TRAINING_WAIT_MS

static SaTestSandbox *sandbox;
static char          *state_dir;

static gboolean
page_shipped (gpointer page)
{
  SaOrder *order = sa_order_page_get_order (page);

  return order != NULL && !sa_order_can_change_assignment (order) && sa_test_order_page_idle (page);
}

/* "Ship This Order", the trainer's control on the order page. */
static void
ship (SaOrderPage *page)
{
  GtkWidget *controls = sa_training_test_controls_of (page);

  sa_test_click (sa_training_test_control_button (controls, "ship_button"));
  g_assert_true (sa_test_wait_until (page_shipped, page, WAIT_MS));
  g_assert_true (gtk_widget_get_visible (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "shipped_box")));
}

/* Procedure 1, "assign a new order to a customer's account"; first to the
 * wrong account, which is not counted. */
static void
test_assign_new_order (void)
{
  SaWindow *window = sa_training_test_new_started (sandbox, "assign-new-order");
  SaOrderPage *page = sa_test_open_order_by_search (window, "104857601");

  sa_training_test_assign (page, "sakura-trading.example", NULL);
  sa_training_test_assert_not_completed (sandbox, window, "assign-new-order");

  sa_training_test_show_view (window, "orders");
  sa_training_test_assign (page, "acme-industrie.fr", NULL);
  g_assert_cmpstr (sa_assignment_get_domain (sa_order_get_end_customer (sa_order_page_get_order (page))), ==,
                   "acme-industrie.fr");

  sa_training_test_assert_completed (sandbox, window, "assign-new-order");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Procedure 2, "move an order from the partner's Holding account to the End
 * Customer account", with the End Customer pencil before it ships. */
static void
test_holding_to_end_customer (void)
{
  SaWindow *window = sa_training_test_new_started (sandbox, "holding-to-end-customer");
  SaOrderPage *page = sa_test_open_order_by_search (window, "104857611");

  g_assert_nonnull (sa_order_get_holding (sa_order_page_get_order (page)));
  g_assert_null (sa_order_get_end_customer (sa_order_page_get_order (page)));
  sa_training_test_assign (page, "acme-industrie.fr", NULL);

  /* noticed while the trainee is still on the order page */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (sa_training_test_scenarios_view (window))));
  sa_training_test_wait_status (sa_training_test_scenarios_view (window), "holding-to-end-customer",
                                SA_SCENARIO_COMPLETED);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (sa_training_test_scenarios_view (window))));

  sa_training_test_assert_completed (sandbox, window, "holding-to-end-customer");
  gtk_window_destroy (GTK_WINDOW (window));
}

static SaAccountRequestsView *
account_requests_view (SaWindow *window)
{
  return SA_ACCOUNT_REQUESTS_VIEW (SA_TEST_CHILD (window, SA_TYPE_WINDOW, "account_requests_view"));
}

static gboolean
requests_loaded (gpointer view)
{
  return !sa_account_requests_view_get_loading (view) && sa_account_requests_view_get_requests (view) != NULL;
}

/* The row of the Smart Account request for @domain in the view. */
static GtkWidget *
request_row (SaAccountRequestsView *view,
             const char            *domain)
{
  GtkListBox *list = GTK_LIST_BOX (SA_TEST_CHILD (view, SA_TYPE_ACCOUNT_REQUESTS_VIEW, "requests_list"));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      SaAccountRequest *request = sa_account_request_row_get_request (SA_ACCOUNT_REQUEST_ROW (row));

      if (g_strcmp0 (sa_account_request_get_account_domain (request), domain) == 0)
        return GTK_WIDGET (row);
    }

  return NULL;
}

typedef struct
{
  SaAccountRequestsView *view;
  const char            *domain;
  SaAccountStatus        status;
} RequestWait;

static gboolean
request_has_status (gpointer user_data)
{
  RequestWait *wait = user_data;
  GtkWidget *row;

  if (!requests_loaded (wait->view))
    return FALSE;
  row = request_row (wait->view, wait->domain);

  return row != NULL &&
         sa_account_request_get_status (sa_account_request_row_get_request (SA_ACCOUNT_REQUEST_ROW (row))) ==
         wait->status;
}

/* Procedure 1 with a Pending account: assigned, shipped (no licenses yet:
 * not counted), accepted by the customer (the trainer's "Customer Accepts"
 * in the Smart Account requests view): the licenses arrive. */
static void
test_pending_account (void)
{
  SaWindow *window = sa_training_test_new_started (sandbox, "pending-account");
  SaOrderPage *page = sa_test_open_order_by_search (window, "104857603");
  SaAccountRequestsView *view = account_requests_view (window);
  RequestWait active = { view, "boulangeries-delorme.example", SA_ACCOUNT_STATUS_ACTIVE };
  GtkWidget *row;

  sa_training_test_assign (page, "boulangeries-delorme.example", NULL);
  g_assert_cmpint (sa_assignment_get_status (sa_order_get_end_customer (sa_order_page_get_order (page))), ==,
                   SA_ACCOUNT_STATUS_PENDING);
  ship (page);
  sa_training_test_assert_not_completed (sandbox, window, "pending-account");

  sa_training_test_show_view (window, "account-requests");
  sa_account_requests_view_refresh (view);
  g_assert_true (sa_test_wait_until (requests_loaded, view, WAIT_MS));
  row = request_row (view, "boulangeries-delorme.example");
  g_assert_nonnull (row);
  sa_test_click (SA_TEST_CHILD (row, SA_TYPE_ACCOUNT_REQUEST_ROW, "accept_button"));
  g_assert_true (sa_test_wait_until (request_has_status, &active, WAIT_MS));

  sa_training_test_assert_completed (sandbox, window, "pending-account");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
account_wizard_on_result (gpointer wizard)
{
  return g_strcmp0 (sa_account_request_wizard_get_page (wizard), "result") == 0;
}

static SaAccountRequestWizard *
find_account_wizard (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (SA_IS_ACCOUNT_REQUEST_WIZARD (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return SA_ACCOUNT_REQUEST_WIZARD (toplevel);
    }

  return NULL;
}

static gboolean
no_account_wizard (gpointer user_data)
{
  return find_account_wizard () == NULL;
}

/* Procedure 3, "request a Smart Account and let it expire at 90 days": the
 * wizard from the menu, then the practice clock of the Smart Account
 * requests view; 30 days are not enough. */
static void
test_account_request_expiry (void)
{
  SaWindow *window = sa_training_test_new_started (sandbox, "account-request-expiry");
  SaAccountRequestsView *view = account_requests_view (window);
  RequestWait expired = { view, "fromagerie-lucas.example", SA_ACCOUNT_STATUS_EXPIRED };
  SaAccountRequestWizard *wizard;

  sa_test_remove_draft (SA_DRAFT_ACCOUNT_REQUEST);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.request-account", NULL));
  wizard = find_account_wizard ();
  g_assert_nonnull (wizard);
  g_assert_true (sa_test_wait_until (sa_test_draft_looked_for, wizard, WAIT_MS));
  gtk_editable_set_text (GTK_EDITABLE (SA_TEST_CHILD (wizard, SA_TYPE_ACCOUNT_REQUEST_WIZARD, "account_name_row")),
                         "Fromagerie Lucas");
  gtk_editable_set_text (GTK_EDITABLE (SA_TEST_CHILD (wizard, SA_TYPE_ACCOUNT_REQUEST_WIZARD, "customer_email_row")),
                         "it@fromagerie-lucas.example");
  gtk_editable_set_text (GTK_EDITABLE (SA_TEST_CHILD (wizard, SA_TYPE_ACCOUNT_REQUEST_WIZARD, "account_domain_row")),
                         "fromagerie-lucas.example");
  sa_test_click (SA_TEST_CHILD (wizard, SA_TYPE_WIZARD, "next_button"));
  sa_test_click (SA_TEST_CHILD (wizard, SA_TYPE_WIZARD, "next_button"));
  g_assert_cmpstr (sa_account_request_wizard_get_page (wizard), ==, "review");
  sa_test_click (SA_TEST_CHILD (wizard, SA_TYPE_WIZARD, "next_button"));
  g_assert_true (sa_test_wait_until (account_wizard_on_result, wizard, WAIT_MS));
  sa_test_click (SA_TEST_CHILD (wizard, SA_TYPE_WIZARD, "next_button"));
  g_assert_true (sa_test_wait_until (no_account_wizard, NULL, WAIT_MS));

  /* 30 days: still Pending */
  sa_training_test_show_view (window, "account-requests");
  g_assert_true (sa_test_wait_until (requests_loaded, view, WAIT_MS));
  sa_test_click (SA_TEST_CHILD (view, SA_TYPE_ACCOUNT_REQUESTS_VIEW, "clock_30_button"));
  sa_test_wait_ms (300);
  g_assert_true (sa_test_wait_until (requests_loaded, view, WAIT_MS));
  sa_training_test_assert_not_completed (sandbox, window, "account-request-expiry");

  sa_training_test_show_view (window, "account-requests");
  sa_test_click (SA_TEST_CHILD (view, SA_TYPE_ACCOUNT_REQUESTS_VIEW, "clock_91_button"));
  g_assert_true (sa_test_wait_until (request_has_status, &expired, WAIT_MS));

  sa_training_test_assert_completed (sandbox, window, "account-request-expiry");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
access_wizard_sent (gpointer wizard)
{
  return g_strcmp0 (sa_wizard_get_page (wizard), "sent") == 0;
}

typedef struct
{
  SaAccessRequestsView *view;
  const char           *id;
} AccessRow;

static gboolean
reminder_button_shown (gpointer user_data)
{
  AccessRow *row = user_data;

  return sa_access_requests_view_get_reminder_button (row->view, row->id) != NULL;
}

static gboolean
reminder_sent (gpointer user_data)
{
  AccessRow *row = user_data;

  return sa_access_requests_view_get_reminder_text (row->view, row->id) != NULL &&
         sa_access_requests_view_get_reminder_button (row->view, row->id) == NULL;
}

/* Procedure 4, "request access to a domain shared by two accounts and send
 * a reminder": the wizard (profile, domain, one of the two accounts,
 * reason), then Send Reminder in Your Access Requests; the request alone is
 * not counted. */
static void
test_shared_domain_access (void)
{
  SaWindow *window = sa_training_test_new_started (sandbox, "shared-domain-access");
  SaAccessRequestWizard *wizard = sa_window_request_access (window, NULL);
  GtkWidget *next = SA_TEST_CHILD (wizard, SA_TYPE_WIZARD, "next_button");
  g_autoptr(SaSmartAccount) chosen = NULL;
  g_autofree char *id = NULL;
  GListModel *candidates;
  AccessRow row;

  g_assert_true (sa_test_wait_until (sa_test_profile_loaded, sa_access_request_wizard_get_profile_editor (wizard), WAIT_MS));
  sa_test_click (next);
  g_assert_cmpstr (sa_wizard_get_page (SA_WIZARD (wizard)), ==, "domain");
  sa_access_request_wizard_set_domain (wizard, "groupe-hexagone.example");
  sa_test_click (SA_TEST_CHILD (wizard, SA_TYPE_ACCESS_REQUEST_WIZARD, "submit_button"));
  g_assert_true (sa_test_wait_until (sa_test_access_wizard_idle, wizard, WAIT_MS));
  candidates = sa_access_request_wizard_get_candidates (wizard);
  g_assert_nonnull (candidates);
  g_assert_cmpuint (g_list_model_get_n_items (candidates), ==, 2);
  chosen = g_list_model_get_item (candidates, 1);
  g_assert_true (sa_access_request_wizard_select_candidate (wizard, sa_smart_account_get_id (chosen)));
  sa_test_click (next);
  g_assert_cmpstr (sa_wizard_get_page (SA_WIZARD (wizard)), ==, "reason");
  sa_access_request_wizard_set_reason (wizard, "We run the network refresh of the group's sites.");
  sa_test_click (next);
  g_assert_true (sa_test_wait_until (access_wizard_sent, wizard, WAIT_MS));
  id = g_strdup (sa_access_request_get_id (sa_access_request_wizard_get_sent_request (wizard)));

  /* sent, no reminder yet: not counted */
  sa_training_test_assert_not_completed (sandbox, window, "shared-domain-access");

  /* "Your Access Requests" from the confirmation, then the reminder */
  sa_test_click (SA_TEST_CHILD (wizard, SA_TYPE_ACCESS_REQUEST_WIZARD, "show_requests_button"));
  row = (AccessRow) { sa_window_get_access_requests_view (window), id };
  if (!sa_test_wait_until (reminder_button_shown, &row, 3000))
    {
      /* a reminder only some minutes after the request: the trainer's
       * practice clock, in the Smart Account requests view, moves on */
      GtkWidget *requests = SA_TEST_CHILD (window, SA_TYPE_WINDOW, "account_requests_view");

      sa_training_test_show_view (window, "account-requests");
      g_assert_true (sa_test_wait_until (requests_loaded, requests, WAIT_MS));
      sa_test_click (SA_TEST_CHILD (requests, SA_TYPE_ACCOUNT_REQUESTS_VIEW, "clock_30_button"));
      sa_test_wait_ms (500);
      sa_training_test_show_view (window, "access-requests");
      sa_access_requests_view_refresh (row.view);
      g_assert_true (sa_test_wait_until (reminder_button_shown, &row, WAIT_MS));
    }
  sa_test_click (sa_access_requests_view_get_reminder_button (row.view, id));
  g_assert_true (sa_test_wait_until (reminder_sent, &row, WAIT_MS));

  sa_training_test_assert_completed (sandbox, window, "shared-domain-access");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
current_attempts_are_two (gpointer view)
{
  GListModel *scenarios = sa_scenarios_view_get_scenarios (view);

  for (guint i = 0; scenarios != NULL && i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(SaTrainingScenario) s = g_list_model_get_item (scenarios, i);

      if (sa_training_scenario_is_current (s))
        return sa_training_scenario_get_attempts (s) == 2 &&
               sa_training_scenario_get_status (s) == SA_SCENARIO_STARTED;
    }

  return FALSE;
}

/* "Licenses stuck on a Holding account" the wrong way: the device
 * registered to another customer's account moves the order there — not
 * counted, and the order can no longer be put right; "Restart This
 * Exercise" puts the data back at the start (a second attempt), and the
 * right registration is counted. */
static void
test_device_wrong_account_restart (void)
{
  SaWindow *window = sa_training_test_new_started (sandbox, "shipped-on-holding-device");
  SaScenariosView *view = sa_training_test_scenarios_view (window);
  SaOrderPage *page = sa_test_open_order_by_search (window, "104857616");

  sa_training_test_register_device (page, "acme-industrie.fr");
  g_assert_false (gtk_widget_get_visible (sa_training_test_control_button (sa_training_test_controls_of (page),
                                                                          "device_button")));
  sa_training_test_assert_not_completed (sandbox, window, "shipped-on-holding-device");

  sa_test_click (SA_TEST_CHILD (view, SA_TYPE_SCENARIOS_VIEW, "restart_button"));
  g_assert_true (sa_test_wait_until (current_attempts_are_two, view, WAIT_MS));
  page = sa_test_open_order_by_search (window, "104857616");
  g_assert_nonnull (sa_order_get_holding (sa_order_page_get_order (page)));
  sa_training_test_register_device (page, "clinique-saint-roch.example");

  sa_training_test_assert_completed (sandbox, window, "shipped-on-holding-device");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* the wizards' drafts go to a directory of our own */
  state_dir = sa_test_use_state_dir ("sa-ui-training-state-XXXXXX");
  sa_test_init_gtk (&argc, &argv);
  sandbox = sa_test_sandbox_new ();

  g_test_add_func ("/ui/training/scenario/assign-new-order", test_assign_new_order);
  g_test_add_func ("/ui/training/scenario/holding-to-end-customer", test_holding_to_end_customer);
  g_test_add_func ("/ui/training/scenario/pending-account", test_pending_account);
  g_test_add_func ("/ui/training/scenario/device-wrong-account-restart", test_device_wrong_account_restart);
  g_test_add_func ("/ui/training/scenario/account-request-expiry", test_account_request_expiry);
  g_test_add_func ("/ui/training/scenario/shared-domain-access", test_shared_domain_access);

  ret = g_test_run ();

  sa_test_sandbox_free (sandbox);
  sa_test_remove_draft (SA_DRAFT_ACCOUNT_REQUEST);
  sa_test_remove_draft (SA_DRAFT_ACCESS_REQUEST);
  sa_test_remove_state_dir (g_steal_pointer (&state_dir));

  return ret;
}
