/* sa-license-diagnosis.c — "Where are my licenses?": the checks and the verdict
 *
 * The troubleshooting of "How do I assign an order to a Smart Account" says
 * licenses reach the Smart Account once the order has shipped, the Smart
 * Account is Active (not Pending) and no export hold blocks the order; the
 * caution of "Updating Smart Account Assignment in CCW" adds that a Holding
 * Smart Account assignment provisions nothing. #SaLicenseDiagnosis runs these
 * checks, in that order, on what a back end tells: the order (status,
 * assignment, export hold — or, with Cisco, only the status), the licenses
 * carrying the order's number in the accounts the user can see, and the
 * user's own Smart Accounts. It decides a verdict and keeps the facts the
 * answer names (which Smart and Virtual Account, how many). No GTK: the UI
 * words the answer (src/ui/licenses/).
 *
 * sa_license_diagnosis_run_async() gathers those inputs through #SaClient
 * (the order, then the licenses and accounts when the back end has them).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sa-account-access.h"
#include "sa-error.h"
#include "sa-license.h"
#include "sa-license-diagnosis.h"

struct _SaLicenseDiagnosis
{
  GObject                parent_instance;

  char                  *order_number;
  SaOrder               *order;
  GListModel            *licenses;       /* NULL: the back end cannot list them */
  SaLicenseVerdict       verdict;
  SaLicenseCheckOutcome  outcomes[SA_LICENSE_N_CHECKS];
  char                  *account_name;
  char                  *account_domain;
  char                  *virtual_account;
  gint64                 quantity;
};

G_DEFINE_FINAL_TYPE (SaLicenseDiagnosis, sa_license_diagnosis, G_TYPE_OBJECT)

static void
sa_license_diagnosis_finalize (GObject *object)
{
  SaLicenseDiagnosis *self = SA_LICENSE_DIAGNOSIS (object);

  g_free (self->order_number);
  g_clear_object (&self->order);
  g_clear_object (&self->licenses);
  g_free (self->account_name);
  g_free (self->account_domain);
  g_free (self->virtual_account);

  G_OBJECT_CLASS (sa_license_diagnosis_parent_class)->finalize (object);
}

static void
sa_license_diagnosis_class_init (SaLicenseDiagnosisClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sa_license_diagnosis_finalize;
}

static void
sa_license_diagnosis_init (SaLicenseDiagnosis *self)
{
  for (guint i = 0; i < SA_LICENSE_N_CHECKS; i++)
    self->outcomes[i] = SA_LICENSE_OUTCOME_SKIPPED;
}

static void
set_account (SaLicenseDiagnosis *self,
             const char         *name,
             const char         *domain,
             const char         *virtual_account)
{
  g_free (self->account_name);
  g_free (self->account_domain);
  g_free (self->virtual_account);
  self->account_name = g_strdup (name != NULL && *name != '\0' ? name : domain);
  self->account_domain = g_strdup (domain);
  self->virtual_account = g_strdup (virtual_account);
}

static void
set_account_from_assignment (SaLicenseDiagnosis *self,
                             SaAssignment       *assignment)
{
  if (assignment != NULL)
    set_account (self,
                 sa_assignment_get_name (assignment),
                 sa_assignment_get_domain (assignment),
                 sa_assignment_get_virtual_account (assignment));
}

/* The first of the user's accounts of @type (and, unless @any_status, of
 * @status), or NULL. */
static SaSmartAccount *
find_account (GListModel      *accounts,
              SaAccountType    type,
              gboolean         any_status,
              SaAccountStatus  status)
{
  guint n = accounts != NULL ? g_list_model_get_n_items (accounts) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SaAccountAccess) access = g_list_model_get_item (accounts, i);
      SaSmartAccount *account = sa_account_access_get_account (access);

      if (sa_smart_account_get_account_type (account) == type &&
          (any_status || sa_smart_account_get_status (account) == status))
        return account;
    }

  return NULL;
}

/* The checks of the seeds, on an order that exists. */
static void
check_order (SaLicenseDiagnosis *self,
             GListModel         *accounts)
{
  SaOrder *order = self->order;
  gboolean known = sa_order_get_assignment_known (order);
  SaAssignment *end_customer = known ? sa_order_get_end_customer (order) : NULL;
  SaAssignment *holding = known ? sa_order_get_holding (order) : NULL;
  gboolean arrived = self->licenses != NULL && g_list_model_get_n_items (self->licenses) > 0;
  SaSmartAccount *pending = NULL;

  self->outcomes[SA_LICENSE_CHECK_ORDER_FOUND] = SA_LICENSE_OUTCOME_PASSED;

  /* 1. Shipped (the status as the back end gives it). */
  self->outcomes[SA_LICENSE_CHECK_SHIPPED] = sa_order_get_status (order) == SA_ORDER_STATUS_SHIPPED
                                             ? SA_LICENSE_OUTCOME_PASSED : SA_LICENSE_OUTCOME_FAILED;

  /* Arrived, and where: the one answer that needs no assumption. */
  if (self->licenses == NULL)
    self->outcomes[SA_LICENSE_CHECK_LICENSES_ARRIVED] = SA_LICENSE_OUTCOME_UNKNOWN;
  else
    self->outcomes[SA_LICENSE_CHECK_LICENSES_ARRIVED] = arrived ? SA_LICENSE_OUTCOME_PASSED
                                                                : SA_LICENSE_OUTCOME_FAILED;

  /* 2. Active, not Pending. */
  if (arrived)
    self->outcomes[SA_LICENSE_CHECK_ACCOUNT_ACTIVE] = SA_LICENSE_OUTCOME_PASSED;
  else if (known && end_customer != NULL)
    self->outcomes[SA_LICENSE_CHECK_ACCOUNT_ACTIVE] =
      sa_assignment_get_status (end_customer) == SA_ACCOUNT_STATUS_ACTIVE
      ? SA_LICENSE_OUTCOME_PASSED : SA_LICENSE_OUTCOME_FAILED;
  else if (known)
    self->outcomes[SA_LICENSE_CHECK_ACCOUNT_ACTIVE] = SA_LICENSE_OUTCOME_SKIPPED;
  else if ((pending = find_account (accounts, SA_ACCOUNT_TYPE_CUSTOMER, FALSE, SA_ACCOUNT_STATUS_PENDING)) != NULL)
    self->outcomes[SA_LICENSE_CHECK_ACCOUNT_ACTIVE] = SA_LICENSE_OUTCOME_FAILED;
  else
    self->outcomes[SA_LICENSE_CHECK_ACCOUNT_ACTIVE] = SA_LICENSE_OUTCOME_UNKNOWN;

  /* 3. No export hold. */
  if (arrived)
    self->outcomes[SA_LICENSE_CHECK_NO_EXPORT_HOLD] = SA_LICENSE_OUTCOME_PASSED;
  else if (known)
    self->outcomes[SA_LICENSE_CHECK_NO_EXPORT_HOLD] = sa_order_get_export_hold (order)
                                                      ? SA_LICENSE_OUTCOME_FAILED : SA_LICENSE_OUTCOME_PASSED;
  else
    self->outcomes[SA_LICENSE_CHECK_NO_EXPORT_HOLD] = SA_LICENSE_OUTCOME_UNKNOWN;

  /* Item 2: an End Customer Smart Account, not only a Holding one. */
  if (arrived)
    self->outcomes[SA_LICENSE_CHECK_END_CUSTOMER_ASSIGNED] = SA_LICENSE_OUTCOME_PASSED;
  else if (known)
    self->outcomes[SA_LICENSE_CHECK_END_CUSTOMER_ASSIGNED] = end_customer != NULL
                                                             ? SA_LICENSE_OUTCOME_PASSED : SA_LICENSE_OUTCOME_FAILED;
  else
    self->outcomes[SA_LICENSE_CHECK_END_CUSTOMER_ASSIGNED] = SA_LICENSE_OUTCOME_UNKNOWN;

  /* The verdict: the licenses when they are there, else the first check
   * that fails, in the seeds' order. */
  if (arrived)
    {
      g_autoptr(SaLicense) first = g_list_model_get_item (self->licenses, 0);

      self->verdict = SA_LICENSE_VERDICT_DEPOSITED;
      set_account (self,
                   sa_license_get_smart_account_name (first),
                   sa_license_get_smart_account_domain (first),
                   sa_license_get_virtual_account (first));
      self->quantity = sa_license_count_from_order (self->licenses, self->order_number);
    }
  else if (self->outcomes[SA_LICENSE_CHECK_SHIPPED] == SA_LICENSE_OUTCOME_FAILED)
    {
      self->verdict = SA_LICENSE_VERDICT_NOT_SHIPPED;
      set_account_from_assignment (self, end_customer != NULL ? end_customer : holding);
    }
  else if (self->outcomes[SA_LICENSE_CHECK_ACCOUNT_ACTIVE] == SA_LICENSE_OUTCOME_FAILED)
    {
      self->verdict = SA_LICENSE_VERDICT_ACCOUNT_PENDING;
      if (pending != NULL)
        set_account (self, sa_smart_account_get_name (pending), sa_smart_account_get_domain (pending), NULL);
      else
        set_account_from_assignment (self, end_customer);
    }
  else if (self->outcomes[SA_LICENSE_CHECK_NO_EXPORT_HOLD] == SA_LICENSE_OUTCOME_FAILED)
    {
      self->verdict = SA_LICENSE_VERDICT_EXPORT_HOLD;
      set_account_from_assignment (self, end_customer);
    }
  else if (self->outcomes[SA_LICENSE_CHECK_END_CUSTOMER_ASSIGNED] == SA_LICENSE_OUTCOME_FAILED)
    {
      self->verdict = holding != NULL ? SA_LICENSE_VERDICT_HOLDING_ONLY : SA_LICENSE_VERDICT_NOT_ASSIGNED;
      set_account_from_assignment (self, holding);
    }
  else if (known)
    {
      self->verdict = self->licenses == NULL ? SA_LICENSE_VERDICT_IN_ACCOUNT : SA_LICENSE_VERDICT_NOT_VISIBLE;
      set_account_from_assignment (self, end_customer);
    }
  else
    {
      /* What the API cannot tell: name the user's Holding Smart Account, the
       * one an order parked before shipment would be on. */
      SaSmartAccount *parked = find_account (accounts, SA_ACCOUNT_TYPE_HOLDING, TRUE, SA_ACCOUNT_STATUS_ACTIVE);

      self->verdict = SA_LICENSE_VERDICT_CANNOT_TELL;
      if (parked != NULL)
        set_account (self, sa_smart_account_get_name (parked), sa_smart_account_get_domain (parked), NULL);
    }
}

/**
 * sa_license_diagnosis_new:
 * @order_number: the Sales Order No. the user asked about
 * @order: (nullable) (transfer none): the order, or %NULL when the back end
 *   found none (or the user may not see it)
 * @licenses: (nullable) (transfer none): a #GListModel of #SaLicense whose
 *   details carry @order_number, each with its Smart Account and Virtual
 *   Account (sa_client_find_licenses_by_order_finish()); %NULL when the back
 *   end cannot list licenses
 * @accounts: (nullable) (transfer none): a #GListModel of #SaAccountAccess,
 *   the user's own Smart Accounts (sa_client_list_my_accounts_finish()), or
 *   %NULL when unknown
 *
 * Runs the checks of "Where are my licenses?" in the seeds' order — shipped,
 * licenses arrived (where), account Active, no export hold, End Customer
 * rather than Holding only — on these inputs, and decides the verdict: the
 * licenses when found (%SA_LICENSE_VERDICT_DEPOSITED), else the first check
 * that fails; a check the back end publishes nothing for is
 * %SA_LICENSE_OUTCOME_UNKNOWN (Cisco: the assignment before shipment and the
 * export hold), never a guess. Pure: no I/O.
 *
 * Returns: (transfer full): the diagnosis
 */
SaLicenseDiagnosis *
sa_license_diagnosis_new (const char *order_number,
                          SaOrder    *order,
                          GListModel *licenses,
                          GListModel *accounts)
{
  SaLicenseDiagnosis *self;

  g_return_val_if_fail (order_number != NULL, NULL);
  g_return_val_if_fail (order == NULL || SA_IS_ORDER (order), NULL);
  g_return_val_if_fail (licenses == NULL || G_IS_LIST_MODEL (licenses), NULL);
  g_return_val_if_fail (accounts == NULL || G_IS_LIST_MODEL (accounts), NULL);

  self = g_object_new (SA_TYPE_LICENSE_DIAGNOSIS, NULL);
  self->order_number = g_strdup (order != NULL ? sa_order_get_sales_order_number (order) : order_number);
  self->order = order != NULL ? g_object_ref (order) : NULL;
  self->licenses = licenses != NULL ? g_object_ref (licenses) : NULL;

  if (order == NULL)
    {
      self->verdict = SA_LICENSE_VERDICT_ORDER_NOT_FOUND;
      self->outcomes[SA_LICENSE_CHECK_ORDER_FOUND] = SA_LICENSE_OUTCOME_FAILED;
      g_clear_object (&self->licenses);
    }
  else
    check_order (self, accounts);

  return self;
}

/* ------------------------------------------------------------------------ */
/* Gathering the inputs */

typedef struct
{
  SaOrderSearchField  field;
  char               *number;
  SaOrder            *order;
  GListModel         *licenses;
} RunData;

static void
run_data_free (gpointer data)
{
  RunData *run = data;

  g_free (run->number);
  g_clear_object (&run->order);
  g_clear_object (&run->licenses);
  g_free (run);
}

static gboolean
is_not_found (const GError *error)
{
  return g_error_matches (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_ORDER_NOT_FOUND) ||
         g_error_matches (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_NOT_FOUND);
}

static void
finish_run (GTask      *task,
            GListModel *accounts)
{
  RunData *run = g_task_get_task_data (task);

  g_task_return_pointer (task,
                         sa_license_diagnosis_new (run->number, run->order, run->licenses, accounts),
                         g_object_unref);
}

static void
on_my_accounts (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GError) error = NULL;

  accounts = sa_client_list_my_accounts_finish (SA_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_UNAUTHENTICATED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Without the user's accounts the diagnosis only loses the Pending hint. */
  if (error != NULL)
    g_debug ("Where are my licenses: the user's Smart Accounts could not be read: %s", error->message);

  finish_run (task, accounts);
}

static void
list_accounts (GTask *task)
{
  SaClient *client = g_task_get_source_object (task);

  if ((sa_client_get_features (client) & SA_CLIENT_FEATURE_MY_ACCOUNTS) == 0)
    {
      finish_run (task, NULL);
      g_object_unref (task);
      return;
    }

  sa_client_list_my_accounts_async (client, g_task_get_cancellable (task), on_my_accounts, task);
}

static void
on_licenses (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  RunData *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  run->licenses = sa_client_find_licenses_by_order_finish (SA_CLIENT (source), result, &error);
  if (run->licenses == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  list_accounts (task);
}

static void
find_licenses (GTask *task)
{
  SaClient *client = g_task_get_source_object (task);
  RunData *run = g_task_get_task_data (task);

  if (run->order == NULL)
    {
      finish_run (task, NULL);
      g_object_unref (task);
      return;
    }

  if ((sa_client_get_features (client) & SA_CLIENT_FEATURE_LICENSES) == 0)
    {
      list_accounts (task);
      return;
    }

  sa_client_find_licenses_by_order_async (client, sa_order_get_sales_order_number (run->order),
                                          g_task_get_cancellable (task), on_licenses, task);
}

static void
on_order (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;
  RunData *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  run->order = sa_client_get_order_finish (SA_CLIENT (source), result, &error);
  if (run->order == NULL && !is_not_found (error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  find_licenses (task);
}

static void
on_search (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GListModel) orders = NULL;
  g_autoptr(SaOrder) first = NULL;
  g_autoptr(GError) error = NULL;

  orders = sa_client_search_orders_finish (SA_CLIENT (source), result, NULL, &error);
  if (orders == NULL && !is_not_found (error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  if (orders != NULL && g_list_model_get_n_items (orders) > 0)
    first = g_list_model_get_item (orders, 0);
  if (first == NULL)
    {
      find_licenses (task);
      return;
    }

  /* The order with its assignment, by its Sales Order No. */
  sa_client_get_order_async (SA_CLIENT (source), sa_order_get_sales_order_number (first),
                             g_task_get_cancellable (task), on_order, task);
}

/**
 * sa_license_diagnosis_run_async:
 * @client: a signed-in #SaClient
 * @field: what @number is: Sales Order No., Web Order No. or PO No.
 * @number: the order's number, as the user typed it
 * @cancellable: (nullable): a #GCancellable, owned by the caller
 * @callback: called when the diagnosis is ready
 * @user_data: data for @callback
 *
 * "Where are my licenses?" for one order: fetches the order
 * (sa_client_get_order_async(), after sa_client_search_orders_async() for a
 * Web Order No. or PO No.), then, when the back end has them
 * (sa_client_get_features()), the licenses carrying its Sales Order No.
 * (%SA_CLIENT_FEATURE_LICENSES) and the user's Smart Accounts
 * (%SA_CLIENT_FEATURE_MY_ACCOUNTS), and decides with
 * sa_license_diagnosis_new(). An order that is not found is a verdict, not
 * an error. Every call is asynchronous and cancellable.
 */
void
sa_license_diagnosis_run_async (SaClient            *client,
                                SaOrderSearchField   field,
                                const char          *number,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;
  RunData *run;

  g_return_if_fail (SA_IS_CLIENT (client));
  g_return_if_fail (number != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_license_diagnosis_run_async);
  run = g_new0 (RunData, 1);
  run->field = field;
  run->number = g_strstrip (g_strdup (number));
  g_task_set_task_data (task, run, run_data_free);

  if (field == SA_ORDER_SEARCH_SALES_ORDER_NUMBER)
    sa_client_get_order_async (client, run->number, cancellable, on_order, task);
  else
    sa_client_search_orders_async (client, field, run->number, 0, 1, cancellable, on_search, task);
}

/**
 * sa_license_diagnosis_run_finish:
 * @result: the #GAsyncResult of sa_license_diagnosis_run_async()
 * @error: return location for a #GError: %SA_CLIENT_ERROR (the back end
 *   could not be asked: network, sign-in, invalid number …) or
 *   %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full) (nullable): the diagnosis, or %NULL with @error set
 */
SaLicenseDiagnosis *
sa_license_diagnosis_run_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_license_diagnosis_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* The facts */

/**
 * sa_license_diagnosis_get_order_number:
 * @self: an #SaLicenseDiagnosis
 *
 * Returns: (transfer none): the order's Sales Order No. (as asked, when the
 *   order was not found)
 */
const char *
sa_license_diagnosis_get_order_number (SaLicenseDiagnosis *self)
{
  g_return_val_if_fail (SA_IS_LICENSE_DIAGNOSIS (self), NULL);

  return self->order_number;
}

/**
 * sa_license_diagnosis_get_order:
 * @self: an #SaLicenseDiagnosis
 *
 * Returns: (transfer none) (nullable): the order, %NULL when not found
 */
SaOrder *
sa_license_diagnosis_get_order (SaLicenseDiagnosis *self)
{
  g_return_val_if_fail (SA_IS_LICENSE_DIAGNOSIS (self), NULL);

  return self->order;
}

/**
 * sa_license_diagnosis_get_verdict:
 * @self: an #SaLicenseDiagnosis
 *
 * Returns: the answer to "Where are my licenses?"
 */
SaLicenseVerdict
sa_license_diagnosis_get_verdict (SaLicenseDiagnosis *self)
{
  g_return_val_if_fail (SA_IS_LICENSE_DIAGNOSIS (self), SA_LICENSE_VERDICT_ORDER_NOT_FOUND);

  return self->verdict;
}

/**
 * sa_license_diagnosis_get_outcome:
 * @self: an #SaLicenseDiagnosis
 * @check: one of the checks
 *
 * Returns: how @check came out
 */
SaLicenseCheckOutcome
sa_license_diagnosis_get_outcome (SaLicenseDiagnosis *self,
                                  SaLicenseCheck      check)
{
  g_return_val_if_fail (SA_IS_LICENSE_DIAGNOSIS (self), SA_LICENSE_OUTCOME_SKIPPED);
  g_return_val_if_fail ((guint) check < SA_LICENSE_N_CHECKS, SA_LICENSE_OUTCOME_SKIPPED);

  return self->outcomes[check];
}

/**
 * sa_license_diagnosis_get_licenses:
 * @self: an #SaLicenseDiagnosis
 *
 * Returns: (transfer none) (nullable): the #SaLicense entries carrying the
 *   order's number (possibly empty), or %NULL when the back end cannot list
 *   licenses or the order was not found
 */
GListModel *
sa_license_diagnosis_get_licenses (SaLicenseDiagnosis *self)
{
  g_return_val_if_fail (SA_IS_LICENSE_DIAGNOSIS (self), NULL);

  return self->licenses;
}

/**
 * sa_license_diagnosis_get_assignment_known:
 * @self: an #SaLicenseDiagnosis
 *
 * Returns: whether the back end published the order's Smart Account
 *   assignment and export hold (%FALSE with Cisco, or without an order):
 *   the account named is then the user's own that may be concerned
 */
gboolean
sa_license_diagnosis_get_assignment_known (SaLicenseDiagnosis *self)
{
  g_return_val_if_fail (SA_IS_LICENSE_DIAGNOSIS (self), FALSE);

  return self->order != NULL && sa_order_get_assignment_known (self->order);
}

/**
 * sa_license_diagnosis_get_account_name:
 * @self: an #SaLicenseDiagnosis
 *
 * The Smart Account the verdict is about: where the licenses are
 * (%SA_LICENSE_VERDICT_DEPOSITED, the first of them), the Pending one, the
 * Holding one, the assigned End Customer one; with
 * %SA_LICENSE_VERDICT_CANNOT_TELL the user's Holding Smart Account, if any.
 *
 * Returns: (transfer none) (nullable): its Account Name (its domain when it
 *   has no name), or %NULL
 */
const char *
sa_license_diagnosis_get_account_name (SaLicenseDiagnosis *self)
{
  g_return_val_if_fail (SA_IS_LICENSE_DIAGNOSIS (self), NULL);

  return self->account_name;
}

/**
 * sa_license_diagnosis_get_account_domain:
 * @self: an #SaLicenseDiagnosis
 *
 * Returns: (transfer none) (nullable): the Domain Identifier of the Smart
 *   Account the verdict is about, or %NULL
 */
const char *
sa_license_diagnosis_get_account_domain (SaLicenseDiagnosis *self)
{
  g_return_val_if_fail (SA_IS_LICENSE_DIAGNOSIS (self), NULL);

  return self->account_domain;
}

/**
 * sa_license_diagnosis_get_virtual_account:
 * @self: an #SaLicenseDiagnosis
 *
 * Returns: (transfer none) (nullable): the Virtual Account the verdict is
 *   about (where the licenses are, or the assigned one), or %NULL
 */
const char *
sa_license_diagnosis_get_virtual_account (SaLicenseDiagnosis *self)
{
  g_return_val_if_fail (SA_IS_LICENSE_DIAGNOSIS (self), NULL);

  return self->virtual_account;
}

/**
 * sa_license_diagnosis_get_quantity:
 * @self: an #SaLicenseDiagnosis
 *
 * Returns: with %SA_LICENSE_VERDICT_DEPOSITED, how many licenses came from
 *   the order (the quantities of the license details carrying its number);
 *   0 otherwise
 */
gint64
sa_license_diagnosis_get_quantity (SaLicenseDiagnosis *self)
{
  g_return_val_if_fail (SA_IS_LICENSE_DIAGNOSIS (self), 0);

  return self->quantity;
}

/**
 * sa_license_diagnosis_get_link:
 * @self: an #SaLicenseDiagnosis
 *
 * Where the next action takes the user: Cisco Software Central to see
 * licenses in their Smart Account; the order in CCW where Cisco shows what no
 * API publishes (status, assignment, export hold) or where the order can
 * still change; Support Case Manager once only Cisco's licensing support can
 * help (the seeds send there a shipped order's assignment and a Smart Account
 * that stays Pending).
 *
 * Returns: the link for the next action
 */
SaLicenseLink
sa_license_diagnosis_get_link (SaLicenseDiagnosis *self)
{
  g_return_val_if_fail (SA_IS_LICENSE_DIAGNOSIS (self), SA_LICENSE_LINK_NONE);

  switch (self->verdict)
    {
    case SA_LICENSE_VERDICT_DEPOSITED:
    case SA_LICENSE_VERDICT_IN_ACCOUNT:
      return SA_LICENSE_LINK_SOFTWARE_CENTRAL;
    case SA_LICENSE_VERDICT_ORDER_NOT_FOUND:
    case SA_LICENSE_VERDICT_NOT_SHIPPED:
    case SA_LICENSE_VERDICT_EXPORT_HOLD:
    case SA_LICENSE_VERDICT_CANNOT_TELL:
      return SA_LICENSE_LINK_CCW_ORDER;
    case SA_LICENSE_VERDICT_ACCOUNT_PENDING:
      /* Without a known assignment, first confirm it in CCW. */
      return sa_license_diagnosis_get_assignment_known (self) ? SA_LICENSE_LINK_SUPPORT_CASE
                                                              : SA_LICENSE_LINK_CCW_ORDER;
    case SA_LICENSE_VERDICT_HOLDING_ONLY:
    case SA_LICENSE_VERDICT_NOT_ASSIGNED:
    case SA_LICENSE_VERDICT_NOT_VISIBLE:
      return SA_LICENSE_LINK_SUPPORT_CASE;
    default:
      return SA_LICENSE_LINK_NONE;
    }
}

/**
 * sa_license_link_get_uri:
 * @link: a link
 *
 * The portal addresses the seeds give: CCW's order search
 * (https://apps.cisco.com/Commerce/order), Support Case Manager
 * (https://mycase.cloudapps.cisco.com/case), Cisco Software Central
 * (https://software.cisco.com/). No deep link into one order is documented.
 *
 * Returns: (transfer none) (nullable): the address, %NULL for
 *   %SA_LICENSE_LINK_NONE
 */
const char *
sa_license_link_get_uri (SaLicenseLink link)
{
  switch (link)
    {
    case SA_LICENSE_LINK_CCW_ORDER:
      return "https://apps.cisco.com/Commerce/order";
    case SA_LICENSE_LINK_SUPPORT_CASE:
      return "https://mycase.cloudapps.cisco.com/case";
    case SA_LICENSE_LINK_SOFTWARE_CENTRAL:
      return "https://software.cisco.com/";
    case SA_LICENSE_LINK_NONE:
    default:
      return NULL;
    }
}
