/* test-desk-renew.c — the Desk client renews an expired sign-in from the
 * credentials remembered in a real gnome-keyring, in the middle of a
 * submission, for concurrent calls, and gives up cleanly
 *
 * Run through run-with-keyring.sh (a private D-Bus session with a fresh,
 * unlocked keyring).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "core-test-util.h"
#include "desk-test-util.h"

#define PASSWORD     "s3cret-pa55-w0rd"

/* ------------------------------------------------------------------------ */
/* Helpers */

static void
count_signal (guint *counter)
{
  (*counter)++;
}

/* ------------------------------------------------------------------------ */
/* Renewal: a test double whose tokens expire */

typedef struct
{
  SoupServer *server;
  char       *uri;
  char       *valid_token;   /* NULL: every token has expired */
  guint       n_tokens;
  guint       n_puts;
  GPtrArray  *put_bodies;
  GPtrArray  *put_if_match;
  GPtrArray  *put_authorization;
} Double;

static void
double_handler (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  Double *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");
  g_autofree char *expected = NULL;

  if (g_str_equal (path, "/oauth2/token"))
    {
      SoupMessageBody *body = soup_server_message_get_request_body (msg);
      g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
      g_autofree char *form_text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_autoptr(GHashTable) form = soup_form_decode (form_text);
      g_autofree char *response = NULL;

      if (g_strcmp0 (g_hash_table_lookup (form, "password"), PASSWORD) != 0)
        {
          static const char refused[] = "{\"error\": \"invalid_grant\", \"error_description\": \"no\"}";

          desk_test_respond_json (msg, 400, refused);
          return;
        }

      g_free (self->valid_token);
      self->valid_token = g_strdup_printf ("tok-%u-secret", ++self->n_tokens);
      response = g_strdup_printf ("{\"access_token\": \"%s\", \"token_type\": \"Bearer\", \"expires_in\": 1}",
                                  self->valid_token);
      desk_test_respond_json (msg, 200, response);
      return;
    }

  if (self->valid_token != NULL)
    expected = g_strconcat ("Bearer ", self->valid_token, NULL);

  if (g_str_has_suffix (path, "/smart-account-assignment"))
    {
      SoupMessageBody *body = soup_server_message_get_request_body (msg);
      g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
      const char *if_match = soup_message_headers_get_one (headers, "If-Match");

      self->n_puts++;
      g_ptr_array_add (self->put_bodies, g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)));
      g_ptr_array_add (self->put_if_match, g_strdup (if_match));
      g_ptr_array_add (self->put_authorization, g_strdup (authorization));
    }

  if (expected == NULL || g_strcmp0 (authorization, expected) != 0)
    {
      static const char refused[] =
        "{\"status\": \"ERROR\", \"code\": \"UNAUTHENTICATED\", \"statusMessage\": \"expired\"}";

      desk_test_respond_json (msg, 401, refused);
      return;
    }

  if (g_str_has_suffix (path, "/smart-account-assignment"))
    {
      static const char order[] =
        "{\"salesOrderNumber\": \"104857601\", \"status\": \"BOOKED\", \"version\": 4}";

      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "ETag", "\"4\"");
      desk_test_respond_json (msg, 200, order);
    }
  else if (g_str_equal (path, "/v1/profile"))
    {
      static const char profile[] = "{\"username\": \"anna\"}";

      desk_test_respond_json (msg, 200, profile);
    }
  else
    {
      soup_server_message_set_status (msg, 404, NULL);
    }
}

static Double *
double_new (void)
{
  Double *self = g_new0 (Double, 1);

  self->put_bodies = g_ptr_array_new_with_free_func (g_free);
  self->put_if_match = g_ptr_array_new_with_free_func (g_free);
  self->put_authorization = g_ptr_array_new_with_free_func (g_free);
  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, double_handler, self, NULL);
  self->uri = desk_test_listen (self->server);

  return self;
}

static void
double_free (Double *self)
{
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_free (self->uri);
  g_free (self->valid_token);
  g_ptr_array_unref (self->put_bodies);
  g_ptr_array_unref (self->put_if_match);
  g_ptr_array_unref (self->put_authorization);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Double, double_free)

static SaOrder *
order_with_etag (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  SaOrder *order;

  g_assert_true (json_parser_load_from_data (parser,
                                             "{\"salesOrderNumber\": \"104857601\", \"status\": \"BOOKED\", \"version\": 3}",
                                             -1, NULL));
  order = sa_order_new_from_json (json_node_get_object (json_parser_get_root (parser)), "\"3\"", NULL);
  g_assert_nonnull (order);
  return order;
}

static SaOrder *
submit (SaClient  *client,
        GError   **error)
{
  g_autoptr(SaOrder) order = order_with_etag ();
  g_autoptr(SaAssignment) slot_end = sa_assignment_new ("acme-industrie.fr", NULL, SA_ACCOUNT_TYPE_CUSTOMER,
                                                        SA_ACCOUNT_STATUS_ACTIVE, "DEFAULT");

  return update_assignment (client, order, slot_end, NULL, TRUE, error);
}

static void
test_renew_mid_submission (void)
{
  g_autoptr(Double) server = double_new ();
  g_autoptr(SaClient) client = sa_desk_client_new (server->uri);
  g_autoptr(SaOrder) updated = NULL;
  g_autoptr(GError) error = NULL;
  guint required = 0;
  guint signed_in_changes = 0;
  g_autofree char *log = NULL;

  g_assert_true (core_test_credentials_store (sa_client_get_base_uri (client), "anna", PASSWORD, &error));
  g_assert_no_error (error);

  core_test_log_capture_start ();

  g_assert_true (sign_in (client, "anna", PASSWORD, &error));
  g_assert_no_error (error);
  sa_client_set_renew_from_keyring (client, TRUE);
  g_assert_true (sa_client_get_renew_from_keyring (client));
  g_signal_connect_swapped (client, "sign-in-required", G_CALLBACK (count_signal), &required);
  g_signal_connect_swapped (client, "notify::signed-in", G_CALLBACK (count_signal), &signed_in_changes);

  /* The token expires while the user fills in the form. */
  g_clear_pointer (&server->valid_token, g_free);

  updated = submit (client, &error);
  g_assert_no_error (error);
  g_assert_nonnull (updated);
  g_assert_cmpstr (sa_order_get_etag (updated), ==, "\"4\"");

  /* Renewed once from the keyring, the same PUT sent again, nobody asked. */
  g_assert_cmpuint (server->n_tokens, ==, 2);
  g_assert_cmpuint (server->n_puts, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (server->put_bodies, 0), ==, g_ptr_array_index (server->put_bodies, 1));
  g_assert_nonnull (strstr (g_ptr_array_index (server->put_bodies, 1), "acme-industrie.fr"));
  g_assert_cmpstr (g_ptr_array_index (server->put_if_match, 0), ==, "\"3\"");
  g_assert_cmpstr (g_ptr_array_index (server->put_if_match, 1), ==, "\"3\"");
  g_assert_cmpstr (g_ptr_array_index (server->put_authorization, 0), ==, "Bearer tok-1-secret");
  g_assert_cmpstr (g_ptr_array_index (server->put_authorization, 1), ==, "Bearer tok-2-secret");
  g_assert_cmpuint (required, ==, 0);
  g_assert_true (sa_client_get_signed_in (client));

  /* The whole session's debug log holds neither the password nor a token. */
  log = core_test_log_capture_take ();
  g_assert_nonnull (strstr (log, "smart-account-assignment"));
  g_assert_null (strstr (log, PASSWORD));
  g_assert_null (strstr (log, "tok-1-secret"));
  g_assert_null (strstr (log, "tok-2-secret"));
  g_assert_null (strstr (log, "Bearer"));

  g_assert_true (core_test_credentials_clear (sa_client_get_base_uri (client), NULL));
}

static void
on_profile (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  guint *done = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SaProfile) profile = sa_client_get_profile_finish (SA_CLIENT (object), result, &error);

  g_assert_no_error (error);
  g_assert_nonnull (profile);
  (*done)++;
}

static void
test_renew_concurrent (void)
{
  g_autoptr(Double) server = double_new ();
  g_autoptr(SaClient) client = sa_desk_client_new (server->uri);
  g_autoptr(GError) error = NULL;
  gint64 deadline;
  guint done = 0;

  g_assert_true (core_test_credentials_store (sa_client_get_base_uri (client), "anna", PASSWORD, &error));
  g_assert_true (sign_in (client, "anna", PASSWORD, &error));
  g_assert_no_error (error);
  sa_client_set_renew_from_keyring (client, TRUE);
  g_clear_pointer (&server->valid_token, g_free);

  /* Three calls refused at once: one renewal serves them all. */
  for (guint i = 0; i < 3; i++)
    sa_client_get_profile_async (client, NULL, on_profile, &done);

  deadline = g_get_monotonic_time () + CORE_TEST_WAIT_SECONDS * G_USEC_PER_SEC;
  while (done < 3 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (done, ==, 3);
  g_assert_cmpuint (server->n_tokens, ==, 2);

  g_assert_true (core_test_credentials_clear (sa_client_get_base_uri (client), NULL));
}

static void
test_renew_fails (void)
{
  g_autoptr(Double) server = double_new ();
  g_autoptr(SaClient) client = sa_desk_client_new (server->uri);
  g_autoptr(SaOrder) updated = NULL;
  g_autoptr(GError) error = NULL;
  guint required = 0;

  g_assert_true (sign_in (client, "anna", PASSWORD, &error));
  g_assert_no_error (error);
  sa_client_set_renew_from_keyring (client, TRUE);
  g_signal_connect_swapped (client, "sign-in-required", G_CALLBACK (count_signal), &required);

  /* Nothing remembered: the UI is asked to sign in. */
  g_clear_pointer (&server->valid_token, g_free);
  updated = submit (client, &error);
  g_assert_null (updated);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_UNAUTHENTICATED);
  g_assert_cmpuint (required, ==, 1);
  g_assert_false (sa_client_get_signed_in (client));
  g_assert_cmpuint (server->n_tokens, ==, 1);
  g_assert_cmpuint (server->n_puts, ==, 1);
  g_clear_error (&error);

  /* A remembered password that no longer works: the same, once. */
  g_assert_true (core_test_credentials_store (sa_client_get_base_uri (client), "anna", "old-password", &error));
  g_assert_no_error (error);
  updated = submit (client, &error);
  g_assert_null (updated);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_UNAUTHENTICATED);
  g_assert_cmpuint (required, ==, 2);
  g_assert_cmpuint (server->n_puts, ==, 2);
  g_clear_error (&error);

  /* Signed in again by the user: the work goes through. */
  g_assert_true (sign_in (client, "anna", PASSWORD, &error));
  updated = submit (client, &error);
  g_assert_no_error (error);
  g_assert_nonnull (updated);

  g_assert_true (core_test_credentials_clear (sa_client_get_base_uri (client), NULL));
}

/* ------------------------------------------------------------------------ */

int
main (int   argc,
      char *argv[])
{
  g_autofree char *scratch = core_test_keyring_init (&argc, &argv, "test-desk-renew");
  int status;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("No session bus: run through run-with-keyring.sh");
      return g_test_run ();
    }

  g_test_add_func ("/keyring/renew/mid-submission", test_renew_mid_submission);
  g_test_add_func ("/keyring/renew/concurrent", test_renew_concurrent);
  g_test_add_func ("/keyring/renew/fails", test_renew_fails);

  status = g_test_run ();

  /* This process writes nowhere but its drafts: fresh config, cache and state
   * directories, checked at the end. */
  core_test_assert_only_a_draft_written (scratch);

  core_test_remove_tree (scratch);
  return status;
}
