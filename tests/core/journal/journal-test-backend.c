/* journal-test-backend.c — a back end the watch's tests control (see the
 * header); it plugs into the boundary the way
 * docs/backends.md says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "journal-test-backend.h"
#include "sa-client-private.h"

struct _JournalTestBackend
{
  SaClient    parent_instance;

  char       *base_uri;
  GHashTable *orders;                    /* number → SaOrder */
  GListModel *accounts;
  GListModel *my_accounts;
  GListModel *licenses;
  int         errors[JOURNAL_TEST_N_OPS];  /* code + 1, 0: none */
  char       *messages[JOURNAL_TEST_N_OPS];
  guint       calls[JOURNAL_TEST_N_OPS];
  char       *last_transfer;
};

G_DEFINE_FINAL_TYPE (JournalTestBackend, journal_test_backend, SA_TYPE_CLIENT)

static void
journal_test_backend_finalize (GObject *object)
{
  JournalTestBackend *self = JOURNAL_TEST_BACKEND (object);

  g_free (self->base_uri);
  g_hash_table_unref (self->orders);
  g_clear_object (&self->accounts);
  g_clear_object (&self->my_accounts);
  g_clear_object (&self->licenses);
  for (guint i = 0; i < JOURNAL_TEST_N_OPS; i++)
    g_free (self->messages[i]);
  g_free (self->last_transfer);

  G_OBJECT_CLASS (journal_test_backend_parent_class)->finalize (object);
}

static SaClientFeatures
get_features (SaClient *client)
{
  return SA_CLIENT_FEATURE_LICENSES | SA_CLIENT_FEATURE_MY_ACCOUNTS |
         SA_CLIENT_FEATURE_PORTAL_HAND_OFF | SA_CLIENT_FEATURE_LICENSE_TRANSFER;
}

static const char *
get_base_uri (SaClient *client)
{
  return JOURNAL_TEST_BACKEND (client)->base_uri;
}

/* A task for @op: counted, and failed at once when the test asked. */
static GTask *
op_task (SaClient            *client,
         JournalTestOp        op,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  JournalTestBackend *self = JOURNAL_TEST_BACKEND (client);
  GTask *task = g_task_new (client, cancellable, callback, user_data);

  self->calls[op]++;
  if (self->errors[op] != 0)
    {
      GError *error = self->messages[op] != NULL
        ? g_error_new_literal (SA_CLIENT_ERROR, self->errors[op] - 1, self->messages[op])
        : sa_client_error_new (self->errors[op] - 1, "test");

      g_task_return_error (task, error);
      g_object_unref (task);
      return NULL;
    }
  return task;
}

static gpointer
propagate (SaClient      *client,
           GAsyncResult  *result,
           GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
get_order_async (SaClient            *client,
                 const char          *number,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  JournalTestBackend *self = JOURNAL_TEST_BACKEND (client);
  g_autoptr(GTask) task = op_task (client, JOURNAL_TEST_GET_ORDER, cancellable, callback, user_data);
  SaOrder *order;

  if (task == NULL)
    return;

  order = g_hash_table_lookup (self->orders, number);
  if (order == NULL)
    g_task_return_error (task, sa_client_error_new (SA_CLIENT_ERROR_ORDER_NOT_FOUND, number));
  else
    g_task_return_pointer (task, g_object_ref (order), g_object_unref);
}

static SaOrder *
get_order_finish (SaClient      *client,
                  GAsyncResult  *result,
                  GError       **error)
{
  return propagate (client, result, error);
}

static void
search_accounts_async (SaClient             *client,
                       SaAccountSearchField  field,
                       const char           *value,
                       int                   type_filter,
                       GCancellable         *cancellable,
                       GAsyncReadyCallback   callback,
                       gpointer              user_data)
{
  JournalTestBackend *self = JOURNAL_TEST_BACKEND (client);
  g_autoptr(GTask) task = op_task (client, JOURNAL_TEST_SEARCH_ACCOUNTS, cancellable, callback, user_data);
  GListStore *found;

  if (task == NULL)
    return;

  g_assert_cmpint (field, ==, SA_ACCOUNT_SEARCH_DOMAIN);
  found = g_list_store_new (SA_TYPE_SMART_ACCOUNT);
  for (guint i = 0; self->accounts != NULL && i < g_list_model_get_n_items (self->accounts); i++)
    {
      g_autoptr(SaSmartAccount) account = g_list_model_get_item (self->accounts, i);

      /* Cisco's search matches parts of domains. */
      if (strstr (sa_smart_account_get_domain (account), value) != NULL &&
          (type_filter < 0 || (int) sa_smart_account_get_account_type (account) == type_filter))
        g_list_store_append (found, account);
    }
  g_task_return_pointer (task, found, g_object_unref);
}

static GListModel *
search_accounts_finish (SaClient      *client,
                        GAsyncResult  *result,
                        GError       **error)
{
  return propagate (client, result, error);
}

static void
list_my_accounts_async (SaClient            *client,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  JournalTestBackend *self = JOURNAL_TEST_BACKEND (client);
  g_autoptr(GTask) task = op_task (client, JOURNAL_TEST_MY_ACCOUNTS, cancellable, callback, user_data);

  if (task == NULL)
    return;

  if (self->my_accounts != NULL)
    g_task_return_pointer (task, g_object_ref (self->my_accounts), g_object_unref);
  else
    g_task_return_pointer (task, g_list_store_new (SA_TYPE_ACCOUNT_ACCESS), g_object_unref);
}

static GListModel *
list_my_accounts_finish (SaClient      *client,
                         GAsyncResult  *result,
                         GError       **error)
{
  return propagate (client, result, error);
}

static void
find_licenses_by_order_async (SaClient            *client,
                              const char          *order_number,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  JournalTestBackend *self = JOURNAL_TEST_BACKEND (client);
  g_autoptr(GTask) task = op_task (client, JOURNAL_TEST_LICENSES_BY_ORDER, cancellable, callback, user_data);
  GListStore *found;

  if (task == NULL)
    return;

  found = g_list_store_new (SA_TYPE_LICENSE);
  for (guint i = 0; self->licenses != NULL && i < g_list_model_get_n_items (self->licenses); i++)
    {
      g_autoptr(SaLicense) license = g_list_model_get_item (self->licenses, i);

      if (sa_license_has_order (license, order_number))
        g_list_store_append (found, license);
    }
  g_task_return_pointer (task, found, g_object_unref);
}

static GListModel *
find_licenses_by_order_finish (SaClient      *client,
                               GAsyncResult  *result,
                               GError       **error)
{
  return propagate (client, result, error);
}

static void
transfer_licenses_async (SaClient                *client,
                         const char              *domain,
                         const char              *source,
                         const char              *target,
                         const SaLicenseTransfer *transfers,
                         guint                    n_transfers,
                         GCancellable            *cancellable,
                         GAsyncReadyCallback      callback,
                         gpointer                 user_data)
{
  JournalTestBackend *self = JOURNAL_TEST_BACKEND (client);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GTask) task = NULL;

  g_string_append_printf (text, "%s: %s → %s:", domain, source, target);
  for (guint i = 0; i < n_transfers; i++)
    g_string_append_printf (text, "%s %s/%s/%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            transfers[i].license, transfers[i].license_type, transfers[i].quantity);
  g_free (self->last_transfer);
  self->last_transfer = g_string_free (g_steal_pointer (&text), FALSE);

  task = op_task (client, JOURNAL_TEST_TRANSFER, cancellable, callback, user_data);
  if (task != NULL)
    g_task_return_boolean (task, TRUE);
}

static gboolean
transfer_licenses_finish (SaClient      *client,
                          GAsyncResult  *result,
                          GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
journal_test_backend_class_init (JournalTestBackendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SaClientClass *client_class = SA_CLIENT_CLASS (klass);

  object_class->finalize = journal_test_backend_finalize;

  client_class->get_features = get_features;
  client_class->get_base_uri = get_base_uri;
  client_class->get_order_async = get_order_async;
  client_class->get_order_finish = get_order_finish;
  client_class->search_accounts_async = search_accounts_async;
  client_class->search_accounts_finish = search_accounts_finish;
  client_class->list_my_accounts_async = list_my_accounts_async;
  client_class->list_my_accounts_finish = list_my_accounts_finish;
  client_class->find_licenses_by_order_async = find_licenses_by_order_async;
  client_class->find_licenses_by_order_finish = find_licenses_by_order_finish;
  client_class->transfer_licenses_async = transfer_licenses_async;
  client_class->transfer_licenses_finish = transfer_licenses_finish;
}

static void
journal_test_backend_init (JournalTestBackend *self)
{
  self->orders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/**
 * journal_test_backend_new:
 * @base_uri: the address it claims (a loopback one keeps the watch running
 *   offline)
 *
 * Returns: (transfer full): a back end answering nothing yet
 */
JournalTestBackend *
journal_test_backend_new (const char *base_uri)
{
  JournalTestBackend *self = g_object_new (JOURNAL_TEST_TYPE_BACKEND, NULL);

  self->base_uri = g_strdup (base_uri);
  return self;
}

/**
 * journal_test_backend_add_order:
 *
 * get_order answers @order for its Sales Order No. from now on.
 */
void
journal_test_backend_add_order (JournalTestBackend *self,
                                SaOrder            *order)
{
  g_hash_table_replace (self->orders, g_strdup (sa_order_get_sales_order_number (order)),
                        g_object_ref (order));
}

/**
 * journal_test_backend_set_accounts:
 *
 * search_accounts looks in @accounts (SaSmartAccount) from now on. Takes @accounts (transfer full).
 */
void
journal_test_backend_set_accounts (JournalTestBackend *self,
                                   GListModel         *accounts)
{
  g_clear_object (&self->accounts);
  self->accounts = accounts;
}

/**
 * journal_test_backend_set_my_accounts:
 *
 * list_my_accounts answers @accesses (SaAccountAccess) from now on. Takes @accesses (transfer full).
 */
void
journal_test_backend_set_my_accounts (JournalTestBackend *self,
                                      GListModel         *accesses)
{
  g_clear_object (&self->my_accounts);
  self->my_accounts = accesses;
}

/**
 * journal_test_backend_set_licenses:
 *
 * find_licenses_by_order looks in @licenses (SaLicense) from now on. Takes @licenses (transfer full).
 */
void
journal_test_backend_set_licenses (JournalTestBackend *self,
                                   GListModel         *licenses)
{
  g_clear_object (&self->licenses);
  self->licenses = licenses;
}

/**
 * journal_test_backend_set_error:
 *
 * Every call of @op fails with @code from now on (negative: succeeds again).
 */
void
journal_test_backend_set_error (JournalTestBackend *self,
                                JournalTestOp       op,
                                int                 code,
                                const char         *message)
{
  self->errors[op] = code < 0 ? 0 : code + 1;
  g_free (self->messages[op]);
  self->messages[op] = g_strdup (message);
}

/**
 * journal_test_backend_get_calls:
 *
 * Returns: how many times @op was called
 */
guint
journal_test_backend_get_calls (JournalTestBackend *self,
                                JournalTestOp       op)
{
  return self->calls[op];
}

/**
 * journal_test_backend_get_all_calls:
 *
 * Returns: how many calls were made, all operations together
 */
guint
journal_test_backend_get_all_calls (JournalTestBackend *self)
{
  guint total = 0;

  for (guint i = 0; i < JOURNAL_TEST_N_OPS; i++)
    total += self->calls[i];
  return total;
}

/**
 * journal_test_backend_get_last_transfer:
 *
 * Returns: (nullable): the last transfer asked for, as text
 */
const char *
journal_test_backend_get_last_transfer (JournalTestBackend *self)
{
  return self->last_transfer;
}

/**
 * journal_test_order_new:
 *
 * Returns: (transfer full): an order as Cisco gives it
 */
SaOrder *
journal_test_order_new (const char    *number,
                        SaOrderStatus  status,
                        const char    *status_text)
{
  SaOrder *order = sa_order_new (number, status, status_text);

  sa_order_set_assignment_known (order, FALSE);
  return order;
}

/**
 * journal_test_license_new:
 *
 * Returns: (transfer full): @quantity licenses @name of @license_type from
 *   @order_number, in @domain's Virtual Account @virtual_account
 */
SaLicense *
journal_test_license_new (const char *name,
                          const char *domain,
                          const char *virtual_account,
                          const char *order_number,
                          const char *license_type,
                          gint64      quantity)
{
  SaLicense *license = sa_license_new (name, virtual_account, quantity, 0, quantity, "In Compliance");
  g_autoptr(SaLicenseDetail) detail = sa_license_detail_new (order_number, "SKU-1", license_type, quantity,
                                                             "ACTIVE", "2026-11-20", NULL);

  sa_license_add_detail (license, detail);
  sa_license_set_smart_account (license, domain, "Acme Industrie");
  return license;
}

/**
 * journal_test_account_new:
 *
 * Returns: (transfer full): an End Customer Smart Account @domain
 */
SaSmartAccount *
journal_test_account_new (const char      *domain,
                          SaAccountStatus  status)
{
  return sa_smart_account_new (NULL, domain, "Acme Industrie", SA_ACCOUNT_TYPE_CUSTOMER, status, NULL);
}

/**
 * journal_test_access_new:
 *
 * Returns: (transfer full): the user's access to @domain, with @role (none
 *   when NULL)
 */
SaAccountAccess *
journal_test_access_new (const char *domain,
                         const char *role)
{
  g_autoptr(SaSmartAccount) account = journal_test_account_new (domain, SA_ACCOUNT_STATUS_ACTIVE);
  SaAccountAccess *access = sa_account_access_new (account);

  if (role != NULL)
    sa_account_access_add_role (access, role, NULL);
  return access;
}

/**
 * journal_test_list_of:
 *
 * Returns: (transfer full): a #GListModel of @type holding the objects given
 *   (their references taken)
 */
GListModel *
journal_test_list_of (GType    type,
                      gpointer first,
                      ...)
{
  GListStore *store = g_list_store_new (type);
  va_list args;

  va_start (args, first);
  for (gpointer item = first; item != NULL; item = va_arg (args, gpointer))
    {
      g_list_store_append (store, item);
      g_object_unref (item);
    }
  va_end (args);

  return G_LIST_MODEL (store);
}
