/* desk-test-util.c — what the Desk client's tests share: a sandbox back
 * office over loopback, waiting for async calls, synchronous wrappers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "desk-test-util.h"

SaSandboxThread *sandbox;

/* Running the main loop until an async call lands */

void
on_ready (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static gboolean
on_wait_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the default main context until *@slot is set; fails the test
 * after WAIT_SECONDS. Returns the result (transfer full). */
GAsyncResult *
wait_for (GAsyncResult **slot)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_SECONDS, on_wait_timeout, &timed_out);

  while (*slot == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("An async call did not complete within %d s", WAIT_SECONDS);

  g_source_remove (timeout_id);
  return g_steal_pointer (slot);
}

/* Synchronous wrappers, for the tests only. */

gboolean
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

SaProfile *
get_profile (SaClient  *client,
             GError   **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_client_get_profile_async (client, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_client_get_profile_finish (client, result, error);
}

GListModel *
search_orders (SaClient            *client,
               SaOrderSearchField   field,
               const char          *value,
               guint                offset,
               guint                limit,
               guint               *total,
               GError             **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_client_search_orders_async (client, field, value, offset, limit, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_client_search_orders_finish (client, result, total, error);
}

SaOrder *
get_order (SaClient    *client,
           const char  *number,
           GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_client_get_order_async (client, number, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_client_get_order_finish (client, result, error);
}

SaOrder *
update_assignment (SaClient      *client,
                   SaOrder       *order,
                   SaAssignment  *end_customer,
                   SaAssignment  *holding,
                   gboolean       terms_accepted,
                   GError       **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_client_update_assignment_async (client, order, end_customer, holding, terms_accepted,
                                     NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_client_update_assignment_finish (client, result, error);
}

GListModel *
search_accounts (SaClient              *client,
                 SaAccountSearchField   field,
                 const char            *value,
                 int                    type_filter,
                 GError               **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_client_search_accounts_async (client, field, value, type_filter, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_client_search_accounts_finish (client, result, error);
}

GListModel *
list_virtual_accounts (SaClient       *client,
                       const char     *domain,
                       SaAccountType   type,
                       GError        **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_client_list_virtual_accounts_async (client, domain, type, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_client_list_virtual_accounts_finish (client, result, error);
}

gboolean
sandbox_reset (SaClient  *client,
               GError   **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_desk_client_sandbox_reset_async (SA_DESK_CLIENT (client), NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_desk_client_sandbox_reset_finish (SA_DESK_CLIENT (client), result, error);
}

gboolean
sandbox_ship (SaClient    *client,
              const char  *number,
              GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_desk_client_sandbox_ship_order_async (SA_DESK_CLIENT (client), number, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_desk_client_sandbox_ship_order_finish (SA_DESK_CLIENT (client), result, error);
}

/* A signed-in client on freshly reset training data. */
SaClient *
new_signed_in_client (void)
{
  g_autoptr(SaClient) client = sa_desk_client_new (sa_sandbox_thread_get_uri (sandbox));
  g_autoptr(GError) error = NULL;

  g_assert_true (sign_in (client, TRAINING_USER, TRAINING_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_true (sandbox_reset (client, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&client);
}

SaAssignment *
slot_new (const char    *domain,
          SaAccountType  type,
          const char    *virtual_account)
{
  return sa_assignment_new (domain, NULL, type, SA_ACCOUNT_STATUS_ACTIVE, virtual_account);
}

/* An order the server was never asked for (to reach server-side checks). */
SaOrder *
fake_order (const char *number,
            const char *etag)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  SaOrder *order;

  json = g_strdup_printf ("{\"salesOrderNumber\": \"%s\", \"status\": \"BOOKED\", \"version\": 1}",
                          number);
  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  order = sa_order_new_from_json (json_node_get_object (json_parser_get_root (parser)), etag, NULL);
  g_assert_nonnull (order);

  return order;
}

gboolean
model_has_order (GListModel *model,
                 const char *number)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SaOrder) order = g_list_model_get_item (model, i);

      if (g_strcmp0 (sa_order_get_sales_order_number (order), number) == 0)
        return TRUE;
    }

  return FALSE;
}

SaSmartAccount *
model_find_account (GListModel    *model,
                    const char    *domain,
                    SaAccountType  type)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SaSmartAccount) account = g_list_model_get_item (model, i);

      if (g_strcmp0 (sa_smart_account_get_domain (account), domain) == 0 &&
          sa_smart_account_get_account_type (account) == type)
        return g_steal_pointer (&account);
    }

  return NULL;
}

SaAccountRequest *
create_account_request (SaClient            *client,
                        const char          *name,
                        const char          *email,
                        const char          *domain,
                        const char * const  *users,
                        GError             **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_client_create_account_request_async (client, name, email, domain, "Note for the customer",
                                          users, NULL, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_client_create_account_request_finish (client, result, error);
}

GListModel *
list_account_requests (SaClient  *client,
                       GError   **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_client_list_account_requests_async (client, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_client_list_account_requests_finish (client, result, error);
}

SaAccountRequest *
accept_account_request (SaClient    *client,
                        const char  *id,
                        GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_desk_client_sandbox_accept_account_request_async (SA_DESK_CLIENT (client), id, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_desk_client_sandbox_accept_account_request_finish (SA_DESK_CLIENT (client), result, error);
}

GDateTime *
advance_clock (SaClient  *client,
               guint      days,
               GError   **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_desk_client_sandbox_advance_clock_async (SA_DESK_CLIENT (client), days, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_desk_client_sandbox_advance_clock_finish (SA_DESK_CLIENT (client), result, error);
}

GDateTime *
get_clock (SaClient  *client,
           GError   **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_desk_client_sandbox_get_clock_async (SA_DESK_CLIENT (client), NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_desk_client_sandbox_get_clock_finish (SA_DESK_CLIENT (client), result, error);
}

SaProfile *
update_profile (SaClient     *client,
                SaProfile    *profile,
                GError      **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_client_update_profile_async (client, profile, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_client_update_profile_finish (client, result, error);
}

GListModel *
find_candidates (SaClient    *client,
                 const char  *domain,
                 GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_client_find_access_candidates_async (client, domain, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_client_find_access_candidates_finish (client, result, error);
}

SaAccessRequest *
create_access_request (SaClient     *client,
                       const char   *domain,
                       const char   *account_id,
                       const char   *reason,
                       GListModel  **candidates,
                       GError      **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_client_create_access_request_async (client, domain, account_id, reason, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_client_create_access_request_finish (client, result, candidates, error);
}

GListModel *
list_access_requests (SaClient  *client,
                      GError   **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_client_list_access_requests_async (client, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_client_list_access_requests_finish (client, result, error);
}

SaAccessRequest *
send_reminder (SaClient     *client,
               const char   *id,
               GDateTime   **next,
               GError      **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_client_send_reminder_async (client, id, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_client_send_reminder_finish (client, result, next, error);
}

SaAccessRequest *
decide (SaClient    *client,
        const char  *id,
        gboolean     approve,
        GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_desk_client_sandbox_decide_access_request_async (SA_DESK_CLIENT (client), id, approve, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_desk_client_sandbox_decide_access_request_finish (SA_DESK_CLIENT (client), result, error);
}

gpointer
find_by_id (GListModel *model,
            const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *item_id = NULL;

      g_object_get (item, "id", &item_id, NULL);
      if (g_strcmp0 (item_id, id) == 0)
        return g_steal_pointer (&item);
    }

  return NULL;
}

static void
delete_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFile *child;

      while (g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) && child != NULL)
        delete_tree (child);
    }

  g_file_delete (file, NULL, NULL);
}

/* Test doubles */

/**
 * desk_test_listen:
 * @server: a #SoupServer with its handlers
 *
 * Listens on a free port of 127.0.0.1 (IPv4 only); fails the test otherwise.
 *
 * Returns: (transfer full): the server's base URI, "http://127.0.0.1:PORT/"
 */
char *
desk_test_listen (SoupServer *server)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  char *uri;

  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  g_assert_nonnull (uris);
  uri = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return uri;
}

/**
 * desk_test_respond_json:
 * @msg: the request a test double answers
 * @status: the HTTP status
 * @json: the body (copied), as the Desk API would send it
 *
 * Answers @msg with @status and @json as "application/json".
 */
void
desk_test_respond_json (SoupServerMessage *msg,
                        guint              status,
                        const char        *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

/* The refused fields */

guint
count_refused (const GError *error,
               SaFieldForm   form)
{
  guint n_fields = form == SA_FIELD_FORM_PROFILE ? SA_PROFILE_N_FIELDS : SA_ACCOUNT_REQUEST_N_FIELDS;
  guint count = 0;

  for (int field = -1; field < (int) n_fields; field++)
    count += sa_client_error_find_refused_field (error, form, field) != NULL;

  return count;
}

const SaRefusedField *
find_refused (const GError *error,
              SaFieldForm   form,
              int           field,
              const char   *key)
{
  const SaRefusedField *refused = sa_client_error_find_refused_field (error, form, field);

  g_assert_nonnull (refused);
  g_assert_cmpstr (refused->key, ==, key);

  return refused;
}

/**
 * desk_test_run:
 *
 * Starts the sandbox back office in its own thread and a fresh data
 * directory, runs the tests, then stops it and removes the data.
 *
 * Returns: the status of g_test_run()
 */
int
desk_test_run (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autoptr(GFile) data_file = NULL;
  int status;

  data_dir = g_dir_make_tmp ("sa-test-desk-XXXXXX", &error);
  g_assert_no_error (error);
  sandbox = sa_sandbox_thread_start (data_dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sandbox);

  status = g_test_run ();

  sa_sandbox_thread_stop (sandbox);
  g_clear_object (&sandbox);

  data_file = g_file_new_for_path (data_dir);
  delete_tree (data_file);

  return status;
}
