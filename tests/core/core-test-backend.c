/* core-test-backend.c — a second SaClient back end, for the tests (see the
 * header): it plugs into the boundary the way docs/backends.md says; and a
 * network monitor the tests switch on and off
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "core-test-backend.h"
#include "core-test-util.h"
#include "sa-client-private.h"

struct _CoreTestBackend
{
  SaClient  parent_instance;

  char     *base_uri;
  GQueue    answers;      /* GListModel, or GINT_TO_POINTER (code + 1) */
  gpointer  last_answer;  /* repeated when the queue is empty */
  guint     n_list_calls;
};

G_DEFINE_FINAL_TYPE (CoreTestBackend, core_test_backend, SA_TYPE_CLIENT)

static gboolean
answer_is_model (gpointer answer)
{
  return answer != NULL && GPOINTER_TO_UINT (answer) > 1024;
}

static void
answer_free (gpointer answer)
{
  if (answer_is_model (answer))
    g_object_unref (answer);
}

static void
core_test_backend_finalize (GObject *object)
{
  CoreTestBackend *self = CORE_TEST_BACKEND (object);

  g_queue_clear_full (&self->answers, answer_free);
  answer_free (self->last_answer);
  g_free (self->base_uri);

  G_OBJECT_CLASS (core_test_backend_parent_class)->finalize (object);
}

static SaClientFeatures
get_features (SaClient *client)
{
  return SA_CLIENT_FEATURE_ACCESS_REQUESTS;
}

static const char *
get_base_uri (SaClient *client)
{
  return CORE_TEST_BACKEND (client)->base_uri;
}

static void
sign_in_async (SaClient            *client,
               const char          *username,
               const char          *password,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (client, cancellable, callback, user_data);

  g_task_set_source_tag (task, sign_in_async);
  if (username == NULL || *username == '\0')
    {
      g_task_return_error (task, sa_client_error_new (SA_CLIENT_ERROR_INVALID_CREDENTIALS, NULL));
      return;
    }

  sa_client_set_signed_in_as (client, username);
  g_task_return_boolean (task, TRUE);
}

static gboolean
sign_in_finish (SaClient      *client,
                GAsyncResult  *result,
                GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
list_access_requests_async (SaClient            *client,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  CoreTestBackend *self = CORE_TEST_BACKEND (client);
  g_autoptr(GTask) task = g_task_new (client, cancellable, callback, user_data);
  gpointer answer;

  g_task_set_source_tag (task, list_access_requests_async);
  self->n_list_calls++;

  if (!g_queue_is_empty (&self->answers))
    {
      answer_free (self->last_answer);
      self->last_answer = g_queue_pop_head (&self->answers);
    }
  answer = self->last_answer;

  if (answer_is_model (answer))
    g_task_return_pointer (task, g_object_ref (answer), g_object_unref);
  else if (answer != NULL)
    g_task_return_error (task, sa_client_error_new (GPOINTER_TO_INT (answer) - 1, "test"));
  else
    g_task_return_pointer (task, g_list_store_new (SA_TYPE_ACCESS_REQUEST), g_object_unref);
}

static GListModel *
list_access_requests_finish (SaClient      *client,
                             GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The server refused the domain and the second user. */
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
  g_autoptr(GTask) task = g_task_new (client, cancellable, callback, user_data);
  GError *error = sa_client_error_new (SA_CLIENT_ERROR_VALIDATION_FAILED, NULL);

  sa_client_error_add_refused_field (error, SA_FIELD_FORM_ACCOUNT_REQUEST,
                                     SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_DOMAIN, G_MAXUINT,
                                     "domain", "Domain is reserved", NULL);
  sa_client_error_add_refused_field (error, SA_FIELD_FORM_ACCOUNT_REQUEST,
                                     SA_ACCOUNT_REQUEST_FIELD_USERS, 1,
                                     "users.1", "Bad e-mail",
                                     users != NULL && users[0] != NULL ? users[1] : NULL);
  g_task_return_error (task, error);
}

static SaAccountRequest *
create_account_request_finish (SaClient      *client,
                               GAsyncResult  *result,
                               GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* A local check refused the last name. */
static void
update_profile_async (SaClient            *client,
                      SaProfile           *profile,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (client, cancellable, callback, user_data);
  GError *error = NULL;

  g_assert_false (sa_validate_profile_field (sa_profile_get_last_name (profile), &error));
  sa_client_error_add_refused_field (error, SA_FIELD_FORM_PROFILE, SA_PROFILE_FIELD_LAST_NAME,
                                     G_MAXUINT, "lastName", error->message, NULL);
  g_task_return_error (task, error);
}

static SaProfile *
update_profile_finish (SaClient      *client,
                       GAsyncResult  *result,
                       GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Two Smart Accounts share the domain. */
static void
create_access_request_async (SaClient            *client,
                             const char          *domain,
                             const char          *account_id,
                             const char          *reason,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (client, cancellable, callback, user_data);
  g_autoptr(GListStore) candidates = g_list_store_new (SA_TYPE_SMART_ACCOUNT);
  g_autoptr(SaSmartAccount) first = sa_smart_account_new ("SA-1", domain, "One", SA_ACCOUNT_TYPE_CUSTOMER,
                                                          SA_ACCOUNT_STATUS_ACTIVE, NULL);
  g_autoptr(SaSmartAccount) second = sa_smart_account_new ("SA-2", domain, "Two", SA_ACCOUNT_TYPE_HOLDING,
                                                           SA_ACCOUNT_STATUS_ACTIVE, NULL);
  GError *error = sa_client_error_new (SA_CLIENT_ERROR_ACCOUNT_ID_REQUIRED, NULL);

  g_list_store_append (candidates, first);
  g_list_store_append (candidates, second);
  sa_client_error_set_candidates (error, G_LIST_MODEL (candidates));
  g_task_return_error (task, error);
}

static SaAccessRequest *
create_access_request_finish (SaClient      *client,
                              GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Too soon: the next reminder is allowed on 23 November 2026 at 09:30 UTC. */
static void
send_reminder_async (SaClient            *client,
                     const char          *access_request_id,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (client, cancellable, callback, user_data);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) next = g_date_time_new (utc, 2026, 11, 23, 9, 30, 0);
  GError *error = sa_client_error_new (SA_CLIENT_ERROR_REMINDER_TOO_SOON, NULL);

  sa_client_error_set_next_reminder (error, next);
  g_task_return_error (task, error);
}

static SaAccessRequest *
send_reminder_finish (SaClient      *client,
                      GAsyncResult  *result,
                      GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
core_test_backend_class_init (CoreTestBackendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SaClientClass *client_class = SA_CLIENT_CLASS (klass);

  object_class->finalize = core_test_backend_finalize;

  client_class->get_features = get_features;
  client_class->get_base_uri = get_base_uri;
  client_class->sign_in_async = sign_in_async;
  client_class->sign_in_finish = sign_in_finish;
  client_class->list_access_requests_async = list_access_requests_async;
  client_class->list_access_requests_finish = list_access_requests_finish;
  client_class->create_account_request_async = create_account_request_async;
  client_class->create_account_request_finish = create_account_request_finish;
  client_class->update_profile_async = update_profile_async;
  client_class->update_profile_finish = update_profile_finish;
  client_class->create_access_request_async = create_access_request_async;
  client_class->create_access_request_finish = create_access_request_finish;
  client_class->send_reminder_async = send_reminder_async;
  client_class->send_reminder_finish = send_reminder_finish;
}

static void
core_test_backend_init (CoreTestBackend *self)
{
  g_queue_init (&self->answers);
}

CoreTestBackend *
core_test_backend_new (const char *base_uri)
{
  CoreTestBackend *self = g_object_new (CORE_TEST_TYPE_BACKEND, NULL);

  self->base_uri = g_strdup (base_uri);
  return self;
}

void
core_test_backend_push_access_requests (CoreTestBackend *self,
                                        GListModel      *requests)
{
  g_queue_push_tail (&self->answers, g_object_ref (requests));
}

void
core_test_backend_push_error (CoreTestBackend *self,
                              SaClientError    code)
{
  g_queue_push_tail (&self->answers, GINT_TO_POINTER (code + 1));
}

guint
core_test_backend_get_n_list_calls (CoreTestBackend *self)
{
  return self->n_list_calls;
}

SaAccessRequest *
core_test_access_request_new (const char *id,
                              const char *status)
{
  g_autofree char *json = g_strdup_printf (
    "{\"id\": \"%s\", \"smartAccount\": {\"id\": \"SA-100099\", \"domain\": \"trattoria-mario.example\","
    " \"name\": \"Trattoria Da Mario\", \"type\": \"CUSTOMER\", \"status\": \"ACTIVE\"},"
    " \"reason\": \"Support\", \"status\": \"%s\", \"createdDate\": \"2026-11-21T10:00:00Z\"}",
    id, status);
  g_autoptr(JsonObject) object = parse_object (json);
  g_autoptr(GError) error = NULL;
  SaAccessRequest *request = sa_access_request_new_from_json (object, &error);

  g_assert_no_error (error);
  return request;
}

/* ------------------------------------------------------------------------ */
/* The network monitor */

struct _CoreTestNetwork
{
  GObject  parent_instance;
  gboolean available;
};

enum {
  PROP_0,
  PROP_NETWORK_AVAILABLE,
  PROP_NETWORK_METERED,
  PROP_CONNECTIVITY,
};

static void core_test_network_monitor_iface_init (GNetworkMonitorInterface *iface);
static void core_test_network_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CoreTestNetwork, core_test_network, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, core_test_network_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR, core_test_network_monitor_iface_init))

static void
core_test_network_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CoreTestNetwork *self = CORE_TEST_NETWORK (object);

  switch (prop_id)
    {
    case PROP_NETWORK_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    case PROP_NETWORK_METERED:
      g_value_set_boolean (value, FALSE);
      break;
    case PROP_CONNECTIVITY:
      g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL
                                               : G_NETWORK_CONNECTIVITY_LOCAL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
core_test_network_class_init (CoreTestNetworkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = core_test_network_get_property;

  g_object_class_override_property (object_class, PROP_NETWORK_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, PROP_NETWORK_METERED, "network-metered");
  g_object_class_override_property (object_class, PROP_CONNECTIVITY, "connectivity");
}

static void
core_test_network_init (CoreTestNetwork *self)
{
  self->available = TRUE;
}

static void
core_test_network_monitor_iface_init (GNetworkMonitorInterface *iface)
{
}

static gboolean
core_test_network_initable_init (GInitable     *initable,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  return TRUE;
}

static void
core_test_network_initable_iface_init (GInitableIface *iface)
{
  iface->init = core_test_network_initable_init;
}

/**
 * core_test_network_set_available:
 * @self: the monitor
 * @available: whether the network is available (connectivity FULL) or not
 *   (LOCAL)
 *
 * Says the network is (un)available, as GNetworkMonitor would: notifies
 * #GNetworkMonitor:network-available and emits #GNetworkMonitor::network-changed.
 */
void
core_test_network_set_available (CoreTestNetwork *self,
                                    gboolean            available)
{
  self->available = available;
  g_object_notify (G_OBJECT (self), "network-available");
  g_signal_emit_by_name (self, "network-changed", available);
}
