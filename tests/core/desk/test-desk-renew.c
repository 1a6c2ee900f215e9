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

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "sa-core.h"
#include "sa-json-private.h"

#define WAIT_SECONDS 30
#define PASSWORD     "s3cret-pa55-w0rd"

static GString *captured_log;

/* ------------------------------------------------------------------------ */
/* Helpers */

static void
on_ready (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (*slot == NULL)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("An async call did not complete within %d s", WAIT_SECONDS);
      g_main_context_iteration (NULL, TRUE);
    }

  return g_steal_pointer (slot);
}

static gboolean
store (const char  *server,
       const char  *username,
       const char  *password,
       GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_credentials_store_async (server, username, password, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_credentials_store_finish (result, error);
}

static gboolean
clear (const char  *server,
       GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_credentials_clear_async (server, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_credentials_clear_finish (result, error);
}

static gboolean
sign_in (SaClient    *client,
         const char  *username,
         const char  *password,
         GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_client_sign_in_async (client, username, password, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_client_sign_in_finish (client, result, error);
}

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

          soup_server_message_set_status (msg, 400, NULL);
          soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                            refused, strlen (refused));
          return;
        }

      g_free (self->valid_token);
      self->valid_token = g_strdup_printf ("tok-%u-secret", ++self->n_tokens);
      response = g_strdup_printf ("{\"access_token\": \"%s\", \"token_type\": \"Bearer\", \"expires_in\": 1}",
                                  self->valid_token);
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                        response, strlen (response));
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

      soup_server_message_set_status (msg, 401, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        refused, strlen (refused));
      return;
    }

  if (g_str_has_suffix (path, "/smart-account-assignment"))
    {
      static const char order[] =
        "{\"salesOrderNumber\": \"104857601\", \"status\": \"BOOKED\", \"version\": 4}";

      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "ETag", "\"4\"");
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        order, strlen (order));
    }
  else if (g_str_equal (path, "/v1/profile"))
    {
      static const char profile[] = "{\"username\": \"anna\"}";

      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        profile, strlen (profile));
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
  g_autoptr(GError) error = NULL;
  GSList *uris;

  self->put_bodies = g_ptr_array_new_with_free_func (g_free);
  self->put_if_match = g_ptr_array_new_with_free_func (g_free);
  self->put_authorization = g_ptr_array_new_with_free_func (g_free);
  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, double_handler, self, NULL);
  g_assert_true (soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (self->server);
  self->uri = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

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
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_client_update_assignment_async (client, order, slot_end, NULL, TRUE, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_client_update_assignment_finish (client, result, error);
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

  g_assert_true (store (sa_client_get_base_uri (client), "anna", PASSWORD, &error));
  g_assert_no_error (error);

  captured_log = g_string_new (NULL);

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
  g_assert_nonnull (strstr (captured_log->str, "smart-account-assignment"));
  g_assert_null (strstr (captured_log->str, PASSWORD));
  g_assert_null (strstr (captured_log->str, "tok-1-secret"));
  g_assert_null (strstr (captured_log->str, "tok-2-secret"));
  g_assert_null (strstr (captured_log->str, "Bearer"));
  g_string_free (g_steal_pointer (&captured_log), TRUE);

  g_assert_true (clear (sa_client_get_base_uri (client), NULL));
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

  g_assert_true (store (sa_client_get_base_uri (client), "anna", PASSWORD, &error));
  g_assert_true (sign_in (client, "anna", PASSWORD, &error));
  g_assert_no_error (error);
  sa_client_set_renew_from_keyring (client, TRUE);
  g_clear_pointer (&server->valid_token, g_free);

  /* Three calls refused at once: one renewal serves them all. */
  for (guint i = 0; i < 3; i++)
    sa_client_get_profile_async (client, NULL, on_profile, &done);

  deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  while (done < 3 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (done, ==, 3);
  g_assert_cmpuint (server->n_tokens, ==, 2);

  g_assert_true (clear (sa_client_get_base_uri (client), NULL));
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
  g_assert_true (store (sa_client_get_base_uri (client), "anna", "old-password", &error));
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

  g_assert_true (clear (sa_client_get_base_uri (client), NULL));
}

/* ------------------------------------------------------------------------ */

static GLogWriterOutput
capture_writer (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  if (captured_log != NULL)
    {
      for (gsize i = 0; i < n_fields; i++)
        {
          if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
            {
              g_string_append (captured_log, fields[i].value);
              g_string_append_c (captured_log, '\n');
            }
        }
    }

  /* Debug messages are captured, never printed: TAP output stays clean. */
  if (log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO))
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* Lists what is under @path, relative to @top ("smart-account-desk/drafts/x"). */
static void
list_tree (const char *top,
           const char *path,
           GPtrArray  *out)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        list_tree (top, child, out);
      else
        g_ptr_array_add (out, g_strdup (child + strlen (top) + 1));
    }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *scratch = NULL;
  g_autofree char *config = NULL;
  g_autofree char *cache = NULL;
  g_autofree char *state = NULL;
  int status;

  /* This process writes nowhere but its drafts: fresh config, cache and state
   * directories, checked at the end. Set before GLib caches them. */
  scratch = g_dir_make_tmp ("sa-test-desk-renew-XXXXXX", NULL);
  g_assert_nonnull (scratch);
  config = g_build_filename (scratch, "config", NULL);
  cache = g_build_filename (scratch, "cache", NULL);
  state = g_build_filename (scratch, "state", NULL);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_setenv ("SA_DEBUG_HTTP", "1", TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  setlocale (LC_ALL, "C.UTF-8");
  g_log_set_writer_func (capture_writer, NULL, NULL);
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("No session bus: run through run-with-keyring.sh");
      return g_test_run ();
    }

  g_test_add_func ("/keyring/renew/mid-submission", test_renew_mid_submission);
  g_test_add_func ("/keyring/renew/concurrent", test_renew_concurrent);
  g_test_add_func ("/keyring/renew/fails", test_renew_fails);

  status = g_test_run ();

  /* A draft belongs to a session too: it is the only file allowed. */
  {
    g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
    GAsyncResult *slot = NULL;
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GVariant) draft = g_variant_ref_sink (g_variant_new_parsed ("{'reason': <'x'>}"));

    sa_draft_save_async (SA_DRAFT_ACCESS_REQUEST, draft, NULL, on_ready, &slot);
    result = wait_for (&slot);
    g_assert_true (sa_draft_save_finish (result, NULL));

    list_tree (scratch, scratch, files);
    for (guint i = 0; i < files->len; i++)
      {
        const char *file = g_ptr_array_index (files, i);

        if (!g_str_has_prefix (file, "state/smart-account-desk/drafts/"))
          g_error ("Unexpected file written: %s", file);
      }
    g_assert_cmpuint (files->len, ==, 1);
  }

  remove_tree (scratch);
  return status;
}
