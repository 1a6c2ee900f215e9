/* test-ui-refused-fields.c — a field the server refuses is explained at that
 * field, on real widgets
 *
 * Send Request ("Request a Smart Account", step 5) and Save ("Update your
 * profile", step 5 of requesting access) answered 422 VALIDATION_FAILED
 * with the refused fields: each reaches its own field's message, in the
 * app's words (never the server's text), and goes once the field changes.
 *
 * The server here is a test double over loopback speaking the Desk API,
 * driven through the real Desk client: the sandbox back office checks every
 * field with the very validators the app uses before sending (sa-validate.h),
 * so no value the app accepts is refused by it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "sa-access-request-wizard-private.h"
#include "sa-account-request-wizard-private.h"
#include "sa-ui-test-util.h"

#define REFUSED_USER "bob@trattoria-mario.example"

static char *state_dir;

#define ACCOUNT_WIZ(wizard, name) SA_TEST_CHILD (wizard, SA_TYPE_ACCOUNT_REQUEST_WIZARD, name)
#define SHELL(wizard, name) SA_TEST_CHILD (wizard, SA_TYPE_WIZARD, name)
#define EDITOR(editor, name) SA_TEST_CHILD (editor, SA_TYPE_PROFILE_EDITOR, name)

/* ---- The refusing server ---- */

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *body)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
}

/* The profile reads fine; every change is refused, naming its fields with
 * the Desk API's names. */
static void
refusing_handler (SoupServer        *server,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  const char *method = soup_server_message_get_method (msg);

  if (g_str_equal (path, "/v1/account-requests") && g_str_equal (method, "POST"))
    respond (msg, 422,
             "{\"status\": \"ERROR\", \"code\": \"VALIDATION_FAILED\", \"statusMessage\": \"Invalid\","
             " \"fields\": {\"accountName\": \"Name is reserved\", \"users[1]\": \"Mailbox unknown\"}}");
  else if (g_str_equal (path, "/v1/profile") && g_str_equal (method, "GET"))
    respond (msg, 200,
             "{\"username\": \"trainee\", \"firstName\": \"Chiara\", \"lastName\": \"Bianchi\","
             " \"email\": \"chiara@northwind-networks.example\", \"company\": \"Northwind Networks\","
             " \"country\": \"Italia\", \"phone\": \"\"}");
  else if (g_str_equal (path, "/v1/profile") && g_str_equal (method, "PUT"))
    respond (msg, 422,
             "{\"status\": \"ERROR\", \"code\": \"VALIDATION_FAILED\", \"statusMessage\": \"Invalid\","
             " \"fields\": {\"lastName\": \"Surname not on file\"}}");
  else
    respond (msg, 404, "{\"status\": \"ERROR\", \"code\": \"NOT_FOUND\", \"statusMessage\": \"No\"}");
}

static SoupServer *
refusing_server_new (SaClient **client)
{
  SoupServer *server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  GSList *uris;

  soup_server_add_handler (server, NULL, refusing_handler, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  uri = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  *client = sa_desk_client_new (uri);

  return server;
}

/* ---- Request a Smart Account ---- */

static gboolean
not_sending (gpointer user_data)
{
  return !sa_account_request_wizard_get_sending (user_data);
}

static gboolean
is_error (GtkWidget *message)
{
  return gtk_widget_has_css_class (message, "error");
}

static const char *
text_of (GtkWidget *label)
{
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
test_account_request_refused (void)
{
  g_autoptr(SaClient) client = NULL;
  g_autoptr(SoupServer) server = refusing_server_new (&client);
  SaAccountRequestWizard *wizard;
  GtkWidget *name_message;
  GtkWidget *users_message;

  sa_test_remove_draft (SA_DRAFT_ACCOUNT_REQUEST);
  wizard = sa_account_request_wizard_new (client, NULL);
  gtk_window_present (GTK_WINDOW (wizard));
  g_assert_true (sa_test_wait_until (sa_test_draft_looked_for, wizard, 10000));
  name_message = ACCOUNT_WIZ (wizard, "account_name_message");
  users_message = ACCOUNT_WIZ (wizard, "user_entry_message");

  /* A request the app accepts: two users, the second one the server's
   * "users[1]". */
  gtk_editable_set_text (GTK_EDITABLE (ACCOUNT_WIZ (wizard, "account_name_row")), "Trattoria Da Mario");
  gtk_editable_set_text (GTK_EDITABLE (ACCOUNT_WIZ (wizard, "customer_email_row")), "mario@trattoria-mario.example");
  gtk_editable_set_text (GTK_EDITABLE (ACCOUNT_WIZ (wizard, "account_domain_row")), "trattoria-mario.example");
  sa_test_click (SHELL (wizard, "next_button"));
  gtk_editable_set_text (GTK_EDITABLE (ACCOUNT_WIZ (wizard, "user_entry_row")),
                         "anna@trattoria-mario.example, " REFUSED_USER);
  sa_test_click (ACCOUNT_WIZ (wizard, "add_user_button"));
  g_assert_cmpuint (g_list_model_get_n_items (sa_account_request_wizard_get_users (wizard)), ==, 2);
  sa_test_click (SHELL (wizard, "next_button"));
  g_assert_cmpstr (sa_account_request_wizard_get_page (wizard), ==, "review");

  /* Send Request: refused. */
  sa_test_click (SHELL (wizard, "next_button"));
  g_assert_true (sa_test_wait_until (not_sending, wizard, 30000));

  /* Back at the first refused field, its message in the app's words. */
  g_assert_cmpstr (sa_account_request_wizard_get_page (wizard), ==, "identify");
  g_assert_true (sa_test_has_focus_in (GTK_WIDGET (wizard), ACCOUNT_WIZ (wizard, "account_name_row")));
  g_assert_true (is_error (name_message));
  g_assert_cmpstr (text_of (name_message), ==,
                   "The server did not accept this Account Name. Use 1 to 100 characters, without control characters.");
  g_assert_true (gtk_widget_has_css_class (ACCOUNT_WIZ (wizard, "account_name_row"), "error"));
  g_assert_false (is_error (ACCOUNT_WIZ (wizard, "customer_email_message")));
  g_assert_false (is_error (ACCOUNT_WIZ (wizard, "account_domain_message")));
  g_assert_false (gtk_widget_is_sensitive (SHELL (wizard, "next_button")));
  /* Not on the review page: the refusal belongs to the fields. */
  g_assert_false (gtk_widget_get_visible (ACCOUNT_WIZ (wizard, "send_error_box")));

  /* The refused user is named at "User Emails". */
  g_assert_true (is_error (users_message));
  g_assert_cmpstr (text_of (users_message), ==,
                   "The server did not accept the user e-mail “" REFUSED_USER "”. Correct it or remove it.");
  g_assert_null (strstr (text_of (name_message), "reserved"));
  g_assert_null (strstr (text_of (users_message), "unknown"));

  /* Typing again in the field drops what the server said of it. */
  gtk_editable_set_text (GTK_EDITABLE (ACCOUNT_WIZ (wizard, "account_name_row")), "Trattoria Mario");
  g_assert_false (is_error (name_message));
  g_assert_true (gtk_widget_is_sensitive (SHELL (wizard, "next_button")));
  g_assert_true (is_error (users_message));

  /* Removing the refused user does the same for the list. */
  sa_test_click (SHELL (wizard, "next_button"));
  g_assert_cmpstr (sa_account_request_wizard_get_page (wizard), ==, "users");
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.remove-user", "s", REFUSED_USER);
  g_assert_cmpuint (g_list_model_get_n_items (sa_account_request_wizard_get_users (wizard)), ==, 1);
  g_assert_false (is_error (users_message));
  g_assert_true (gtk_widget_is_sensitive (SHELL (wizard, "next_button")));

  gtk_window_destroy (GTK_WINDOW (wizard));
  sa_test_remove_draft (SA_DRAFT_ACCOUNT_REQUEST);
}

/* ---- Update your profile ---- */

static gboolean
editor_idle (gpointer user_data)
{
  return !sa_profile_editor_get_busy (user_data);
}

static void
test_profile_refused (void)
{
  g_autoptr(SaClient) client = NULL;
  g_autoptr(SoupServer) server = refusing_server_new (&client);
  SaAccessRequestWizard *wizard;
  SaProfileEditor *editor;
  GtkWidget *last_name;
  GtkWidget *message;

  sa_test_remove_draft (SA_DRAFT_ACCESS_REQUEST);
  wizard = sa_access_request_wizard_new (client, NULL, NULL);
  gtk_window_present (GTK_WINDOW (wizard));
  editor = sa_access_request_wizard_get_profile_editor (wizard);
  g_assert_true (sa_test_wait_until (sa_test_profile_loaded, editor, 30000));
  last_name = EDITOR (editor, "last_name_entry");
  message = EDITOR (editor, "edit_error_label");

  /* "Update your profile", a last name the app accepts, Save: refused. */
  sa_test_click (EDITOR (editor, "update_button"));
  g_assert_true (sa_profile_editor_get_editing (editor));
  gtk_editable_set_text (GTK_EDITABLE (last_name), "Bianchi-Rossi");
  g_assert_true (sa_profile_editor_get_valid (editor));
  sa_test_click (EDITOR (editor, "save_button"));
  g_assert_true (sa_test_wait_until (editor_idle, editor, 30000));

  /* Still editing, nothing lost; the last name marked and explained. */
  g_assert_true (sa_profile_editor_get_editing (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (last_name)), ==, "Bianchi-Rossi");
  g_assert_true (gtk_widget_has_css_class (last_name, "error"));
  g_assert_false (gtk_widget_has_css_class (EDITOR (editor, "first_name_entry"), "error"));
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (message)), ==,
                   "Last Name: The server did not accept this value.");
  g_assert_false (sa_profile_editor_get_valid (editor));
  g_assert_false (gtk_widget_is_sensitive (EDITOR (editor, "save_button")));

  /* Typing again in it drops the mark. */
  gtk_editable_set_text (GTK_EDITABLE (last_name), "Bianchi");
  g_assert_false (gtk_widget_has_css_class (last_name, "error"));
  g_assert_false (gtk_widget_get_visible (message));
  g_assert_true (sa_profile_editor_get_valid (editor));

  gtk_window_destroy (GTK_WINDOW (wizard));
  sa_test_remove_draft (SA_DRAFT_ACCESS_REQUEST);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* Drafts go to a directory of our own. */
  state_dir = sa_test_use_state_dir ("sa-ui-refused-fields-XXXXXX");

  sa_test_init_gtk (&argc, &argv);
  sa_test_set_language ("en");

  g_test_add_func ("/ui/refused-fields/account-request", test_account_request_refused);
  g_test_add_func ("/ui/refused-fields/profile", test_profile_refused);

  ret = g_test_run ();

  sa_test_remove_state_dir (g_steal_pointer (&state_dir));

  return ret;
}
