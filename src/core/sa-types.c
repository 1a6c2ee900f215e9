/* sa-types.c — wire names and translated labels of the Desk API enumerations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-types.h"

static const char * const account_type_names[] = {
  [SA_ACCOUNT_TYPE_CUSTOMER] = "CUSTOMER",
  [SA_ACCOUNT_TYPE_HOLDING] = "HOLDING",
};

static const char * const account_status_names[] = {
  [SA_ACCOUNT_STATUS_ACTIVE] = "ACTIVE",
  [SA_ACCOUNT_STATUS_PENDING] = "PENDING",
  [SA_ACCOUNT_STATUS_EXPIRED] = "EXPIRED",
};

static const char * const order_status_names[] = {
  [SA_ORDER_STATUS_ENTERED] = "ENTERED",
  [SA_ORDER_STATUS_BOOKED] = "BOOKED",
  [SA_ORDER_STATUS_SCHEDULED] = "SCHEDULED",
  [SA_ORDER_STATUS_SHIPPED] = "SHIPPED",
};

static const char * const order_search_field_names[] = {
  [SA_ORDER_SEARCH_SALES_ORDER_NUMBER] = "salesOrderNumber",
  [SA_ORDER_SEARCH_WEB_ORDER_ID] = "webOrderId",
  [SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER] = "purchaseOrderNumber",
};

static const char * const account_search_field_names[] = {
  [SA_ACCOUNT_SEARCH_DOMAIN] = "domain",
  [SA_ACCOUNT_SEARCH_NAME] = "name",
  [SA_ACCOUNT_SEARCH_EMAIL] = "email",
};

static const char *
lookup_name (const char * const *names,
             guint               n_names,
             int                 value)
{
  if (value < 0 || (guint) value >= n_names)
    return NULL;

  return names[value];
}

static gboolean
lookup_value (const char * const *names,
              guint               n_names,
              const char         *str,
              int                *value)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (g_strcmp0 (names[i], str) == 0)
        {
          if (value != NULL)
            *value = (int) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * sa_account_type_to_string:
 * @type: an #SaAccountType
 *
 * Returns: (transfer none) (nullable): the wire name ("CUSTOMER", "HOLDING"), or
 *   %NULL for an invalid value
 */
const char *
sa_account_type_to_string (SaAccountType type)
{
  return lookup_name (account_type_names, G_N_ELEMENTS (account_type_names), type);
}

/**
 * sa_account_type_from_string:
 * @str: (nullable): a wire name such as "HOLDING"
 * @type: (out) (optional): the parsed value
 *
 * Returns: %TRUE if @str is a known account type
 */
gboolean
sa_account_type_from_string (const char    *str,
                             SaAccountType *type)
{
  int value;

  if (!lookup_value (account_type_names, G_N_ELEMENTS (account_type_names), str, &value))
    return FALSE;
  if (type != NULL)
    *type = value;
  return TRUE;
}

/**
 * sa_account_status_to_string:
 * @status: an #SaAccountStatus
 *
 * Returns: (transfer none) (nullable): the wire name ("ACTIVE", "PENDING",
 *   "EXPIRED"), or %NULL for an invalid value
 */
const char *
sa_account_status_to_string (SaAccountStatus status)
{
  return lookup_name (account_status_names, G_N_ELEMENTS (account_status_names), status);
}

/**
 * sa_account_status_from_string:
 * @str: (nullable): a wire name such as "PENDING"
 * @status: (out) (optional): the parsed value
 *
 * Returns: %TRUE if @str is a known account status
 */
gboolean
sa_account_status_from_string (const char      *str,
                               SaAccountStatus *status)
{
  int value;

  if (!lookup_value (account_status_names, G_N_ELEMENTS (account_status_names), str, &value))
    return FALSE;
  if (status != NULL)
    *status = value;
  return TRUE;
}

/**
 * sa_order_status_to_string:
 * @status: an #SaOrderStatus
 *
 * Returns: (transfer none) (nullable): the wire name ("ENTERED" … "SHIPPED"), or
 *   %NULL for an invalid value
 */
const char *
sa_order_status_to_string (SaOrderStatus status)
{
  return lookup_name (order_status_names, G_N_ELEMENTS (order_status_names), status);
}

/**
 * sa_order_status_from_string:
 * @str: (nullable): a wire name such as "SHIPPED"
 * @status: (out) (optional): the parsed value
 *
 * Returns: %TRUE if @str is a known order status
 */
gboolean
sa_order_status_from_string (const char    *str,
                             SaOrderStatus *status)
{
  int value;

  if (!lookup_value (order_status_names, G_N_ELEMENTS (order_status_names), str, &value))
    return FALSE;
  if (status != NULL)
    *status = value;
  return TRUE;
}

/**
 * sa_order_search_field_to_string:
 * @field: an #SaOrderSearchField
 *
 * Returns: (transfer none) (nullable): the `searchBy` value ("salesOrderNumber",
 *   "webOrderId", "purchaseOrderNumber"), or %NULL for an invalid value
 */
const char *
sa_order_search_field_to_string (SaOrderSearchField field)
{
  return lookup_name (order_search_field_names, G_N_ELEMENTS (order_search_field_names), field);
}

/**
 * sa_order_search_field_from_string:
 * @str: (nullable): a `searchBy` value
 * @field: (out) (optional): the parsed value
 *
 * Returns: %TRUE if @str is a known order search field
 */
gboolean
sa_order_search_field_from_string (const char         *str,
                                   SaOrderSearchField *field)
{
  int value;

  if (!lookup_value (order_search_field_names, G_N_ELEMENTS (order_search_field_names), str, &value))
    return FALSE;
  if (field != NULL)
    *field = value;
  return TRUE;
}

/**
 * sa_account_search_field_to_string:
 * @field: an #SaAccountSearchField
 *
 * Returns: (transfer none) (nullable): the query parameter name ("domain",
 *   "name", "email"), or %NULL for an invalid value
 */
const char *
sa_account_search_field_to_string (SaAccountSearchField field)
{
  return lookup_name (account_search_field_names, G_N_ELEMENTS (account_search_field_names), field);
}

/**
 * sa_account_search_field_from_string:
 * @str: (nullable): a query parameter name
 * @field: (out) (optional): the parsed value
 *
 * Returns: %TRUE if @str is a known account search field
 */
gboolean
sa_account_search_field_from_string (const char           *str,
                                     SaAccountSearchField *field)
{
  int value;

  if (!lookup_value (account_search_field_names, G_N_ELEMENTS (account_search_field_names), str, &value))
    return FALSE;
  if (field != NULL)
    *field = value;
  return TRUE;
}

/**
 * sa_account_type_get_label:
 * @type: an #SaAccountType
 *
 * Returns: (transfer none): the translated name shown to the user ("End Customer",
 *   "Holding"), or "" for an invalid value
 */
const char *
sa_account_type_get_label (SaAccountType type)
{
  switch (type)
    {
    case SA_ACCOUNT_TYPE_CUSTOMER:
      /* Translators: the kind of Smart Account (End Customer Smart Account) */
      return C_("account type", "End Customer");
    case SA_ACCOUNT_TYPE_HOLDING:
      /* Translators: the kind of Smart Account (Holding Smart Account) */
      return C_("account type", "Holding");
    default:
      return "";
    }
}

/**
 * sa_account_status_get_label:
 * @status: an #SaAccountStatus
 *
 * Returns: (transfer none): the translated status shown to the user ("Active",
 *   "Pending", "Expired"), or "" for an invalid value
 */
const char *
sa_account_status_get_label (SaAccountStatus status)
{
  switch (status)
    {
    case SA_ACCOUNT_STATUS_ACTIVE:
      /* Translators: status of a Smart Account */
      return C_("account status", "Active");
    case SA_ACCOUNT_STATUS_PENDING:
      /* Translators: status of a Smart Account */
      return C_("account status", "Pending");
    case SA_ACCOUNT_STATUS_EXPIRED:
      /* Translators: status of a Smart Account */
      return C_("account status", "Expired");
    default:
      return "";
    }
}

/**
 * sa_order_status_get_label:
 * @status: an #SaOrderStatus
 *
 * Returns: (transfer none): the translated status shown to the user ("Entered",
 *   "Booked", "Scheduled", "Shipped"), or "" for an invalid value
 */
const char *
sa_order_status_get_label (SaOrderStatus status)
{
  switch (status)
    {
    case SA_ORDER_STATUS_ENTERED:
      /* Translators: status of an order */
      return C_("order status", "Entered");
    case SA_ORDER_STATUS_BOOKED:
      /* Translators: status of an order */
      return C_("order status", "Booked");
    case SA_ORDER_STATUS_SCHEDULED:
      /* Translators: status of an order */
      return C_("order status", "Scheduled");
    case SA_ORDER_STATUS_SHIPPED:
      /* Translators: status of an order */
      return C_("order status", "Shipped");
    default:
      return "";
    }
}

static const char * const access_request_status_names[] = {
  [SA_ACCESS_REQUEST_STATUS_PENDING] = "PENDING",
  [SA_ACCESS_REQUEST_STATUS_APPROVED] = "APPROVED",
  [SA_ACCESS_REQUEST_STATUS_DENIED] = "DENIED",
};

/**
 * sa_access_request_status_to_string:
 * @status: an #SaAccessRequestStatus
 *
 * Returns: (transfer none) (nullable): the wire name ("PENDING", "APPROVED",
 *   "DENIED"), or %NULL for an invalid value
 */
const char *
sa_access_request_status_to_string (SaAccessRequestStatus status)
{
  return lookup_name (access_request_status_names,
                      G_N_ELEMENTS (access_request_status_names), status);
}

/**
 * sa_access_request_status_from_string:
 * @str: (nullable): a wire name such as "APPROVED"
 * @status: (out) (optional): the parsed value
 *
 * Returns: %TRUE if @str is a known access request status
 */
gboolean
sa_access_request_status_from_string (const char            *str,
                                      SaAccessRequestStatus *status)
{
  int value;

  if (!lookup_value (access_request_status_names,
                     G_N_ELEMENTS (access_request_status_names), str, &value))
    return FALSE;
  if (status != NULL)
    *status = value;
  return TRUE;
}

/**
 * sa_access_request_status_get_label:
 * @status: an #SaAccessRequestStatus
 *
 * The status of a request for access to an existing Smart Account, as "Your
 * Access Requests" shows it (procedure 4, last step: wait for the account's
 * administrators).
 *
 * Returns: (transfer none): the translated status ("Pending", "Approved",
 *   "Denied"), or "" for an invalid value
 */
const char *
sa_access_request_status_get_label (SaAccessRequestStatus status)
{
  switch (status)
    {
    case SA_ACCESS_REQUEST_STATUS_PENDING:
      /* Translators: status of a request for access to a Smart Account */
      return C_("access request status", "Pending");
    case SA_ACCESS_REQUEST_STATUS_APPROVED:
      /* Translators: status of a request for access to a Smart Account */
      return C_("access request status", "Approved");
    case SA_ACCESS_REQUEST_STATUS_DENIED:
      /* Translators: status of a request for access to a Smart Account */
      return C_("access request status", "Denied");
    default:
      return "";
    }
}

/**
 * sa_account_request_status_get_label:
 * @status: the #SaAccountStatus of a Smart Account request
 *
 * The status of a request for a customer's Smart Account (procedure 3): the
 * customer has 90 days to accept it.
 *
 * Returns: (transfer none): the translated status ("Pending customer
 *   acceptance", "Active", "Expired"), or "" for an invalid value
 */
const char *
sa_account_request_status_get_label (SaAccountStatus status)
{
  switch (status)
    {
    case SA_ACCOUNT_STATUS_PENDING:
      /* Translators: status of a Smart Account request: the customer has not
       * accepted it yet */
      return C_("account request status", "Pending customer acceptance");
    case SA_ACCOUNT_STATUS_ACTIVE:
      /* Translators: status of a Smart Account request: the customer accepted it */
      return C_("account request status", "Active");
    case SA_ACCOUNT_STATUS_EXPIRED:
      /* Translators: status of a Smart Account request: not accepted within 90 days */
      return C_("account request status", "Expired");
    default:
      return "";
    }
}
