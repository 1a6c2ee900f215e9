/* test-ui-account-requests-view.c — the "Smart Account requests" view on real widgets
 *
 * Starts the real sandbox back office, creates two Smart Account requests
 * and shows the view of the real main window: each row with its name,
 * domain, customer e-mail, status and days left; the training controls (the
 * customer accepts one; the clock moves 91 days and the other expires);
 * refresh on demand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sa-account-request-row.h"
#include "sa-account-requests-view.h"
#include "sa-ui-test-util.h"
#include "sa-window.h"

static SaTestSandbox *sandbox;

static SaAccountRequest *
create_request_directly (const char *name,
                         const char *domain)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *email = g_strdup_printf ("owner@%s", domain);
  SaAccountRequest *request;

  sa_client_create_account_request_async (sandbox->client, name, email, domain, "", NULL, "",
                                          NULL, sa_test_async_ready_cb, NULL);
  result = sa_test_wait_for_result ();
  request = sa_client_create_account_request_finish (sandbox->client, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (request);

  return request;
}

/* ---- The "Smart Account requests" view ---- */

static gboolean
view_loaded (gpointer user_data)
{
  SaAccountRequestsView *view = user_data;

  return !sa_account_requests_view_get_loading (view) && sa_account_requests_view_get_requests (view) != NULL;
}

static SaAccountRequest *
view_request (SaAccountRequestsView *view,
              const char            *id)
{
  GListModel *requests = sa_account_requests_view_get_requests (view);

  for (guint i = 0; requests != NULL && i < g_list_model_get_n_items (requests); i++)
    {
      g_autoptr(SaAccountRequest) request = g_list_model_get_item (requests, i);

      if (g_strcmp0 (sa_account_request_get_id (request), id) == 0)
        return request;   /* the model keeps it alive */
    }

  return NULL;
}

static GtkWidget *
view_row (SaAccountRequestsView *view,
          const char            *id)
{
  GtkListBox *list = GTK_LIST_BOX (SA_TEST_CHILD (view, SA_TYPE_ACCOUNT_REQUESTS_VIEW, "requests_list"));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (g_strcmp0 (sa_account_request_get_id (sa_account_request_row_get_request (SA_ACCOUNT_REQUEST_ROW (row))),
                   id) == 0)
      return GTK_WIDGET (row);

  return NULL;
}

typedef struct
{
  SaAccountRequestsView *view;
  const char            *id;
  SaAccountStatus        status;
} RequestStatus;

static gboolean
request_has_status (gpointer user_data)
{
  RequestStatus *data = user_data;
  SaAccountRequest *request;

  if (sa_account_requests_view_get_loading (data->view))
    return FALSE;
  request = view_request (data->view, data->id);

  return request != NULL && sa_account_request_get_status (request) == data->status &&
         view_row (data->view, data->id) != NULL;
}

static void
test_requests_view (void)
{
  g_autoptr(SaAccountRequest) pending = NULL;
  g_autoptr(SaAccountRequest) accepted = NULL;
  SaAccountRequestsView *view;
  SaWindow *window;
  GtkWidget *row;
  GtkWidget *accept;
  RequestStatus status;

  pending = create_request_directly ("Gelateria Blu", "gelateria-blu.example");
  accepted = create_request_directly ("Ferramenta Verdi", "ferramenta-verdi.example");

  window = sa_test_new_window (sandbox);
  view = SA_ACCOUNT_REQUESTS_VIEW (sa_test_find_widget_of_type (GTK_WIDGET (window), SA_TYPE_ACCOUNT_REQUESTS_VIEW));
  g_assert_nonnull (view);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (SA_TEST_CHILD (window, SA_TYPE_WINDOW, "view_stack")),
                                         "account-requests");
  g_assert_true (sa_test_wait_until (view_loaded, view, 30000));

  /* The row: name, domain, customer e-mail, status, days left. */
  row = view_row (view, sa_account_request_get_id (pending));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Gelateria Blu");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "gelateria-blu.example"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "owner@gelateria-blu.example"));
  g_assert_nonnull (sa_test_find_label (row, "Pending customer acceptance"));
  g_assert_nonnull (sa_test_find_label (row, "90 days left"));

  /* Training only, and shown as such. */
  g_assert_true (gtk_widget_get_visible (SA_TEST_CHILD (view, SA_TYPE_ACCOUNT_REQUESTS_VIEW, "training_box")));

  /* The trainer makes the customer accept one of them. */
  row = view_row (view, sa_account_request_get_id (accepted));
  g_assert_nonnull (row);
  accept = sa_test_find_widget_of_type (row, GTK_TYPE_BUTTON);
  g_assert_nonnull (accept);
  g_assert_true (accept == SA_TEST_CHILD (row, SA_TYPE_ACCOUNT_REQUEST_ROW, "accept_button"));
  g_assert_true (gtk_widget_get_visible (accept));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (accept)), ==, "Customer Accepts");
  sa_test_click (accept);
  status = (RequestStatus) { view, sa_account_request_get_id (accepted), SA_ACCOUNT_STATUS_ACTIVE };
  g_assert_true (sa_test_wait_until (request_has_status, &status, 30000));
  g_assert_nonnull (sa_test_find_label (view_row (view, sa_account_request_get_id (accepted)), "Active"));

  /* Refresh on demand (the button's and Ctrl+R's action). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "requests.refresh", NULL));
  g_assert_true (sa_account_requests_view_get_loading (view));
  g_assert_true (sa_test_wait_until (view_loaded, view, 30000));

  /* 91 days later the unaccepted request has expired; the accepted one has not. */
  sa_test_click (SA_TEST_CHILD (view, SA_TYPE_ACCOUNT_REQUESTS_VIEW, "clock_91_button"));
  status = (RequestStatus) { view, sa_account_request_get_id (pending), SA_ACCOUNT_STATUS_EXPIRED };
  g_assert_true (sa_test_wait_until (request_has_status, &status, 30000));
  row = view_row (view, sa_account_request_get_id (pending));
  g_assert_nonnull (sa_test_find_label (row, "Expired"));
  g_assert_null (sa_test_find_label (row, "90 days left"));
  /* No "Customer Accepts" any more: the row's only button is hidden. */
  g_assert_false (gtk_widget_get_visible (SA_TEST_CHILD (row, SA_TYPE_ACCOUNT_REQUEST_ROW, "accept_button")));
  g_assert_true (sa_test_find_widget_of_type (row, GTK_TYPE_BUTTON) ==
                 SA_TEST_CHILD (row, SA_TYPE_ACCOUNT_REQUEST_ROW, "accept_button"));
  g_assert_cmpint (sa_account_request_get_status (view_request (view, sa_account_request_get_id (accepted))), ==,
                   SA_ACCOUNT_STATUS_ACTIVE);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  sa_test_init_gtk (&argc, &argv);
  sandbox = sa_test_sandbox_new ();

  /* Moves the sandbox clock. */
  g_test_add_func ("/ui/account-request/requests-view", test_requests_view);

  ret = g_test_run ();

  sa_test_sandbox_free (sandbox);

  return ret;
}
