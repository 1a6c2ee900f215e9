/* sa-desk-client-access-requests.c — the Desk client's access requests and
 * the profile they start from (procedure 4): GET and PUT /v1/profile,
 * GET /v1/access-requests/candidates, POST and GET /v1/access-requests,
 * POST /v1/access-requests/{id}/reminders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-desk-client-private.h"
#include "sa-fields.h"
#include "sa-validate.h"

/* ------------------------------------------------------------------------ */
/* Profile */

/* The Desk API's names of the profile's members, by SaProfileField. */
static const char * const profile_keys[SA_PROFILE_N_FIELDS] = {
  [SA_PROFILE_FIELD_FIRST_NAME] = "firstName",
  [SA_PROFILE_FIELD_LAST_NAME] = "lastName",
  [SA_PROFILE_FIELD_EMAIL] = "email",
  [SA_PROFILE_FIELD_COMPANY] = "company",
  [SA_PROFILE_FIELD_COUNTRY] = "country",
  [SA_PROFILE_FIELD_PHONE] = "phone",
};

static gpointer
parse_profile (JsonObject  *object,
               GError     **error)
{
  return sa_profile_new_from_json (object, error);
}

/* GET /v1/profile */
static void
get_profile_async (SaClient            *client,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  SaDeskClient *self = SA_DESK_CLIENT (client);
  g_autoptr(GTask) task = NULL;

  task = sa_desk_object_task_new (self, get_profile_async, parse_profile,
                                  cancellable, callback, user_data);

  sa_desk_request (self, g_steal_pointer (&task), "GET", "v1/profile", NULL, NULL);
}

static SaProfile *
get_profile_finish (SaClient      *client,
                    GAsyncResult  *result,
                    GError       **error)
{
  return sa_desk_propagate_pointer (client, result, get_profile_async, error);
}

/* VALIDATION_FAILED carries `fields` ({"lastName": "…"}). */
static void
read_profile_error (GTask      *task,
                    JsonObject *body,
                    GError     *error)
{
  sa_desk_read_refused_fields (error, body, SA_FIELD_FORM_PROFILE,
                               profile_keys, G_N_ELEMENTS (profile_keys), NULL);
}

/* PUT /v1/profile, after the local checks of every field. */
static void
update_profile_async (SaClient            *client,
                      SaProfile           *profile,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  SaDeskClient *self = SA_DESK_CLIENT (client);
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GBytes) body = NULL;
  const char *values[SA_PROFILE_N_FIELDS] = {
    [SA_PROFILE_FIELD_FIRST_NAME] = sa_profile_get_first_name (profile),
    [SA_PROFILE_FIELD_LAST_NAME] = sa_profile_get_last_name (profile),
    [SA_PROFILE_FIELD_EMAIL] = sa_profile_get_email (profile),
    [SA_PROFILE_FIELD_COMPANY] = sa_profile_get_company (profile),
    [SA_PROFILE_FIELD_COUNTRY] = sa_profile_get_country (profile),
    [SA_PROFILE_FIELD_PHONE] = sa_profile_get_phone (profile),
  };
  GError *error = NULL;

  task = sa_desk_object_task_new (self, update_profile_async, parse_profile,
                                  cancellable, callback, user_data);
  sa_desk_task_get_call (task)->read_error_details = read_profile_error;

  for (SaProfileField f = 0; f < SA_PROFILE_N_FIELDS; f++)
    {
      gboolean valid;

      if (f == SA_PROFILE_FIELD_EMAIL)
        valid = sa_validate_email (values[f], &error);
      else if (f == SA_PROFILE_FIELD_PHONE)
        valid = sa_validate_phone (values[f], &error);
      else
        valid = sa_validate_profile_field (values[f], &error);

      if (!valid)
        {
          sa_desk_return_refused (task, error, SA_FIELD_FORM_PROFILE, f, G_MAXUINT, profile_keys[f]);
          return;
        }
    }

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  for (SaProfileField f = 0; f < SA_PROFILE_N_FIELDS; f++)
    {
      json_builder_set_member_name (builder, profile_keys[f]);
      json_builder_add_string_value (builder, values[f] != NULL ? values[f] : "");
    }
  json_builder_end_object (builder);
  body = sa_desk_builder_to_bytes (builder);

  sa_desk_request (self, g_steal_pointer (&task), "PUT", "v1/profile", NULL,
                   g_steal_pointer (&body));
}

static SaProfile *
update_profile_finish (SaClient      *client,
                       GAsyncResult  *result,
                       GError       **error)
{
  return sa_desk_propagate_pointer (client, result, update_profile_async, error);
}

/* ------------------------------------------------------------------------ */
/* Access requests */

/* GET /v1/access-requests/candidates?domain= */
static void
find_access_candidates_async (SaClient            *client,
                              const char          *domain,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  SaDeskClient *self = SA_DESK_CLIENT (client);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GString) query = g_string_new (NULL);
  GError *error = NULL;

  task = sa_desk_list_task_new (self, find_access_candidates_async, &sa_desk_smart_account_list,
                                cancellable, callback, user_data);

  if (sa_desk_return_if_invalid (task, sa_validate_domain (domain, &error), &error))
    return;

  sa_desk_query_add (query, "domain", domain);

  sa_desk_request (self, g_steal_pointer (&task), "GET", "v1/access-requests/candidates", query->str, NULL);
}

static GListModel *
find_access_candidates_finish (SaClient      *client,
                               GAsyncResult  *result,
                               GError       **error)
{
  return sa_desk_propagate_pointer (client, result, find_access_candidates_async, error);
}

/* ACCOUNT_ID_REQUIRED carries the `candidates` to choose from; a malformed
 * list is dropped (logged), the error stays. */
static void
read_create_error (GTask      *task,
                   JsonObject *body,
                   GError     *error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GListStore) store = NULL;
  JsonArray *array = NULL;
  guint n;

  if (!g_error_matches (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_ACCOUNT_ID_REQUIRED) || body == NULL)
    return;

  if (!sa_json_read_array (body, "error", "candidates", &array, &local_error))
    {
      g_debug ("Ignoring the details of an error answer: %s", local_error->message);
      return;
    }

  store = g_list_store_new (SA_TYPE_SMART_ACCOUNT);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(SaSmartAccount) item = NULL;

      if (JSON_NODE_HOLDS_OBJECT (node))
        item = sa_smart_account_new_from_json (json_node_get_object (node), &local_error);
      if (item == NULL)
        {
          g_debug ("Ignoring the details of an error answer: %s",
                   local_error != NULL ? local_error->message : "a candidate is not an object");
          return;
        }
      g_list_store_append (store, item);
    }

  sa_client_error_set_candidates (error, G_LIST_MODEL (store));
}

/* POST /v1/access-requests, after the local checks of every field. */
static void
create_access_request_async (SaClient            *client,
                             const char          *domain,
                             const char          *account_id,
                             const char          *reason,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  SaDeskClient *self = SA_DESK_CLIENT (client);
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GBytes) body = NULL;
  GError *error = NULL;

  task = sa_desk_object_task_new (self, create_access_request_async, sa_desk_parse_access_request,
                                  cancellable, callback, user_data);
  sa_desk_task_get_call (task)->read_error_details = read_create_error;

  if (sa_desk_return_if_invalid (task,
                                 sa_validate_domain (domain, &error) &&
                                 (account_id == NULL || sa_desk_check_id (account_id, &error)) &&
                                 sa_validate_reason (reason, &error),
                                 &error))
    return;

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "domain");
  json_builder_add_string_value (builder, domain);
  if (account_id != NULL)
    {
      json_builder_set_member_name (builder, "accountId");
      json_builder_add_string_value (builder, account_id);
    }
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, reason);
  json_builder_end_object (builder);
  body = sa_desk_builder_to_bytes (builder);

  sa_desk_request (self, g_steal_pointer (&task), "POST", "v1/access-requests", NULL,
                   g_steal_pointer (&body));
}

static SaAccessRequest *
create_access_request_finish (SaClient      *client,
                              GAsyncResult  *result,
                              GError       **error)
{
  return sa_desk_propagate_pointer (client, result, create_access_request_async, error);
}

static const SaDeskListSpec access_request_list = {
  "accessRequests", sa_access_request_get_type, sa_desk_parse_access_request
};

/* GET /v1/access-requests */
static void
list_access_requests_async (SaClient            *client,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  SaDeskClient *self = SA_DESK_CLIENT (client);
  g_autoptr(GTask) task = NULL;

  task = sa_desk_list_task_new (self, list_access_requests_async, &access_request_list,
                                cancellable, callback, user_data);

  sa_desk_request (self, g_steal_pointer (&task), "GET", "v1/access-requests", NULL, NULL);
}

static GListModel *
list_access_requests_finish (SaClient      *client,
                             GAsyncResult  *result,
                             GError       **error)
{
  return sa_desk_propagate_pointer (client, result, list_access_requests_async, error);
}

/* REMINDER_TOO_SOON carries `nextReminderDate`, or at least a Retry-After
 * header (seconds). */
static void
read_reminder_error (GTask      *task,
                     JsonObject *body,
                     GError     *error)
{
  SaDeskCall *call = sa_desk_task_get_call (task);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) next = NULL;
  SoupMessageHeaders *headers;
  const char *retry_after;
  guint64 seconds = 0;

  if (!g_error_matches (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_REMINDER_TOO_SOON))
    return;

  if (body != NULL &&
      sa_json_read_date (body, "error", "nextReminderDate", FALSE, &next, &local_error) &&
      next != NULL)
    {
      sa_client_error_set_next_reminder (error, next);
      return;
    }
  if (local_error != NULL)
    g_debug ("Ignoring the details of an error answer: %s", local_error->message);

  headers = soup_message_get_response_headers (call->msg);
  retry_after = soup_message_headers_get_one (headers, "Retry-After");
  if (retry_after != NULL &&
      g_ascii_string_to_unsigned (retry_after, 10, 0, 7 * 24 * 3600, &seconds, NULL))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      next = g_date_time_add_seconds (now, (gdouble) seconds);
      sa_client_error_set_next_reminder (error, next);
    }
}

/* POST /v1/access-requests/{id}/reminders */
static void
send_reminder_async (SaClient            *client,
                     const char          *access_request_id,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  SaDeskClient *self = SA_DESK_CLIENT (client);
  GTask *task;

  task = sa_desk_object_task_new (self, send_reminder_async, sa_desk_parse_access_request,
                                  cancellable, callback, user_data);
  sa_desk_task_get_call (task)->read_error_details = read_reminder_error;

  sa_desk_post_on_id (self, task, "v1/access-requests/", access_request_id, "/reminders", NULL);
}

static SaAccessRequest *
send_reminder_finish (SaClient      *client,
                      GAsyncResult  *result,
                      GError       **error)
{
  return sa_desk_propagate_pointer (client, result, send_reminder_async, error);
}

/**
 * sa_desk_client_access_requests_init_class:
 * @klass: the #SaDeskClient class, as #SaClientClass
 *
 * Fills in the profile and access request calls of the boundary (procedure
 * 4: "Update your profile", the Account Domain Identifier and the choice among
 * candidates, "Send Request", "Your Access Requests", "Send a reminder").
 */
void
sa_desk_client_access_requests_init_class (SaClientClass *klass)
{
  klass->get_profile_async = get_profile_async;
  klass->get_profile_finish = get_profile_finish;
  klass->update_profile_async = update_profile_async;
  klass->update_profile_finish = update_profile_finish;
  klass->find_access_candidates_async = find_access_candidates_async;
  klass->find_access_candidates_finish = find_access_candidates_finish;
  klass->create_access_request_async = create_access_request_async;
  klass->create_access_request_finish = create_access_request_finish;
  klass->list_access_requests_async = list_access_requests_async;
  klass->list_access_requests_finish = list_access_requests_finish;
  klass->send_reminder_async = send_reminder_async;
  klass->send_reminder_finish = send_reminder_finish;
}
