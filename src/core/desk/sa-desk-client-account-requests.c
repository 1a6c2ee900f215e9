/* sa-desk-client-account-requests.c — the Desk client's requests for a
 * customer's Smart Account (procedure 3): POST and GET /v1/account-requests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-desk-client-private.h"
#include "sa-fields.h"
#include "sa-validate.h"

/* The Desk API's names of the form's fields, by SaAccountRequestField. */
static const char * const field_keys[SA_ACCOUNT_REQUEST_N_FIELDS] = {
  [SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_NAME] = "accountName",
  [SA_ACCOUNT_REQUEST_FIELD_CUSTOMER_EMAIL] = "customerEmail",
  [SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_DOMAIN] = "accountDomain",
  [SA_ACCOUNT_REQUEST_FIELD_NOTE_TO_CUSTOMER] = "noteToCustomer",
  [SA_ACCOUNT_REQUEST_FIELD_USERS] = "users",
  [SA_ACCOUNT_REQUEST_FIELD_NOTE_TO_USERS] = "noteToUsers",
};

/* The create call's task data: the users sent, to name a refused one. */
typedef struct
{
  SaDeskCall   call;
  char       **users;
} CreateCall;

static void
create_call_free (gpointer data)
{
  CreateCall *create = data;

  sa_desk_call_clear (&create->call);
  g_strfreev (create->users);
  g_free (create);
}

/* VALIDATION_FAILED carries `fields` ({"users[2]": "…"}). */
static void
read_create_error (GTask      *task,
                   JsonObject *body,
                   GError     *error)
{
  CreateCall *create = g_task_get_task_data (task);

  sa_desk_read_refused_fields (error, body, SA_FIELD_FORM_ACCOUNT_REQUEST,
                               field_keys, G_N_ELEMENTS (field_keys),
                               (const char * const *) create->users);
}

static void
return_refused (GTask                 *task,
                GError                *error,
                SaAccountRequestField  field)
{
  sa_desk_return_refused (task, error, SA_FIELD_FORM_ACCOUNT_REQUEST, field, G_MAXUINT,
                          field_keys[field]);
}

/* POST /v1/account-requests, after the local checks of every field. */
static void
create_account_request_async (SaClient            *client,
                              const char          *account_name,
                              const char          *customer_email,
                              const char          *account_domain,
                              const char          *note_to_customer,
                              const char * const  *users,
                              const char          *note_to_users,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  SaDeskClient *self = SA_DESK_CLIENT (client);
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GBytes) body = NULL;
  CreateCall *create;
  GError *error = NULL;
  guint bad_index = 0;

  create = g_new0 (CreateCall, 1);
  create->call.answer = sa_desk_answer_object;
  create->call.parse = sa_desk_parse_account_request;
  create->call.read_error_details = read_create_error;
  create->users = g_strdupv ((char **) users);
  task = sa_desk_task_new (self, create_account_request_async, &create->call, create_call_free,
                           cancellable, callback, user_data);

  if (!sa_validate_account_name (account_name, &error))
    {
      return_refused (task, error, SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_NAME);
      return;
    }
  if (!sa_validate_email (customer_email, &error))
    {
      return_refused (task, error, SA_ACCOUNT_REQUEST_FIELD_CUSTOMER_EMAIL);
      return;
    }
  if (!sa_validate_domain (account_domain, &error))
    {
      return_refused (task, error, SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_DOMAIN);
      return;
    }
  if (!sa_validate_note (note_to_customer, &error))
    {
      return_refused (task, error, SA_ACCOUNT_REQUEST_FIELD_NOTE_TO_CUSTOMER);
      return;
    }
  if (!sa_validate_user_emails (users, &bad_index, &error))
    {
      g_autofree char *key = g_strdup_printf ("users[%u]", bad_index);

      sa_desk_return_refused (task, error, SA_FIELD_FORM_ACCOUNT_REQUEST,
                              SA_ACCOUNT_REQUEST_FIELD_USERS, bad_index, key);
      return;
    }
  if (!sa_validate_note (note_to_users, &error))
    {
      return_refused (task, error, SA_ACCOUNT_REQUEST_FIELD_NOTE_TO_USERS);
      return;
    }

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "accountName");
  json_builder_add_string_value (builder, account_name);
  json_builder_set_member_name (builder, "customerEmail");
  json_builder_add_string_value (builder, customer_email);
  json_builder_set_member_name (builder, "accountDomain");
  json_builder_add_string_value (builder, account_domain);
  json_builder_set_member_name (builder, "noteToCustomer");
  json_builder_add_string_value (builder, note_to_customer != NULL ? note_to_customer : "");
  json_builder_set_member_name (builder, "users");
  json_builder_begin_array (builder);
  for (guint i = 0; users != NULL && users[i] != NULL; i++)
    json_builder_add_string_value (builder, users[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "noteToUsers");
  json_builder_add_string_value (builder, note_to_users != NULL ? note_to_users : "");
  json_builder_end_object (builder);
  body = sa_desk_builder_to_bytes (builder);

  sa_desk_request (self, g_steal_pointer (&task), "POST", "v1/account-requests", NULL,
                   g_steal_pointer (&body));
}

static SaAccountRequest *
create_account_request_finish (SaClient      *client,
                               GAsyncResult  *result,
                               GError       **error)
{
  return sa_desk_propagate_pointer (client, result, create_account_request_async, error);
}

static const SaDeskListSpec account_request_list = {
  "accountRequests", sa_account_request_get_type, sa_desk_parse_account_request
};

/* GET /v1/account-requests */
static void
list_account_requests_async (SaClient            *client,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  SaDeskClient *self = SA_DESK_CLIENT (client);
  g_autoptr(GTask) task = NULL;

  task = sa_desk_list_task_new (self, list_account_requests_async, &account_request_list,
                                cancellable, callback, user_data);

  sa_desk_request (self, g_steal_pointer (&task), "GET", "v1/account-requests", NULL, NULL);
}

static GListModel *
list_account_requests_finish (SaClient      *client,
                              GAsyncResult  *result,
                              GError       **error)
{
  return sa_desk_propagate_pointer (client, result, list_account_requests_async, error);
}

/**
 * sa_desk_client_account_requests_init_class:
 * @klass: the #SaDeskClient class, as #SaClientClass
 *
 * Fills in the account request calls of the boundary (procedure 3: "Send
 * Request", and the list where the user follows each request).
 */
void
sa_desk_client_account_requests_init_class (SaClientClass *klass)
{
  klass->create_account_request_async = create_account_request_async;
  klass->create_account_request_finish = create_account_request_finish;
  klass->list_account_requests_async = list_account_requests_async;
  klass->list_account_requests_finish = list_account_requests_finish;
}
